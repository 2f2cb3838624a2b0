/**
 * 自动分配 of inspection tasks (issue 15 item 1): on entering a batch's inspection, Kaizhou gives it to
 * the officer of the farm's grid, and Luoyang town to this season's inspection group for the farm's
 * village. Pure functions of the case and the time it entered the state, so a replay assigns alike.
 */
import type { AssignRule } from '@nongan/engine';
import { VILLAGE_CLUSTERS, inspectorGroupFor, seasonOn } from '../calc/luoyangRotation.js';
import { assignedOfficers, inspectionGroupLeaderId } from '../demo/actors.js';

/**
 * seed 003 §(十七): 区域定格、网格定人、人员定责 — a grid is a township (乡镇/街道) and its officer
 * is that township station's grid supervisor (the demo's station accounts, demo/actors.ts).
 */
export const KAIZHOU_GRIDS: ReadonlyArray<{ division: string; officer: { id: string; name: string } }> = assignedOfficers('kaizhou').map((o) => ({
  division: o.divisions![0]!,
  officer: { id: o.id, name: o.name! },
}));

const chinaDate = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);

const VILLAGES: readonly string[] = Object.values(VILLAGE_CLUSTERS).flat();

/** The Luoyang village a batch's place of origin names, if any (产地 such as 武进区洛阳镇岑村). */
export function villageOf(origin: string): string | undefined {
  // Longest first, so that 洛阳 (a village) does not shadow 洛东 or match the town's own name only.
  const withoutTown = origin.replace(/洛阳镇/g, '');
  return [...VILLAGES].sort((a, b) => b.length - a.length).find((v) => withoutTown.includes(v));
}

export const inspectorAssignment: AssignRule = ({ region, division, context, data, at }) => {
  if (region === 'kaizhou') {
    const grid = division === undefined ? undefined : KAIZHOU_GRIDS.find((g) => division.startsWith(g.division));
    return grid && { ...grid.officer, role: 'inspector' };
  }
  if (region === 'luoyang') {
    // seed 001 附件2: each season a group inspects another cluster of villages. The batch form names the
    // village (Luoyang's 行政村 field); a batch opened without it is placed by its place of origin.
    const named = typeof data.village === 'string' && VILLAGES.includes(data.village) ? data.village : undefined;
    const village = named ?? villageOf(String((context as { batch?: { origin?: string } })?.batch?.origin ?? ''));
    if (!village) return undefined;
    const group = inspectorGroupFor(village, seasonOn(chinaDate(at)));
    const leader = assignedOfficers('luoyang').find((o) => o.id === inspectionGroupLeaderId(group.id))!;
    return { id: leader.id, name: leader.name!, role: 'inspector' };
  }
  return undefined;
};
