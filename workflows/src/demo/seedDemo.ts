/**
 * Realistic demo cases for one region, in a mix of states (the portal seeds all five). Idempotent:
 * case ids are derived from the region and script, and cases that exist are left alone.
 */
import { isEngineError, toChinaDate, type Clock, type Engine } from '@nongan/engine';
import { regionProfile } from '../regions/index.js';
import type { RegionId } from '../regions/types.js';
import { startCase } from '../runtime/regionEngine.js';
import { actorFor, stepActor } from './actors.js';
import { demoDivisionOf } from './demoDivisions.js';
import { demoScripts } from './scripts.js';

export interface SeedDemoOptions {
  region: RegionId;
  /** Defaults to the engine's clock; dates in the demo data are relative to it. */
  clock?: Clock;
  /** The division each subject's cases take (default: one of the region's demo townships). */
  divisionOf?: (subject: string) => string;
}

export interface SeedDemoReport {
  created: Array<{ instanceId: string; workflowId: string; stateKey: string }>;
  skipped: string[];
}

const SHORT: Record<string, string> = { qualificationReview: 'qr', certification: 'cert', warningToExit: 'warn', selfInspectToCertificate: 'batch' };

export async function seedDemo(engine: Engine, options: SeedDemoOptions): Promise<SeedDemoReport> {
  const profile = regionProfile(options?.region);
  const now = (options.clock ?? engine.clock).now();
  const report: SeedDemoReport = { created: [], skipped: [] };
  for (const script of demoScripts(profile.id, profile.lifecycles, toChinaDate(now))) {
    const instanceId = `${profile.id}-${SHORT[script.lifecycle]}-${script.key}`;
    if (await exists(engine, instanceId)) {
      report.skipped.push(instanceId);
      continue;
    }
    const starter = script.lifecycle === 'warningToExit' ? actorFor(profile.id, 'expert-office') : actorFor(profile.id, 'producer', script.subject);
    const division = options.divisionOf ? options.divisionOf(script.subject) : demoDivisionOf(profile.id, script.subject);
    await startCase(engine, script.lifecycle, { actor: starter, region: profile.id, subject: script.subject, division, data: script.start, instanceId });
    for (const [i, step] of script.steps.entries()) {
      const actor = stepActor(await engine.get(instanceId), profile.id, step.role, script.subject);
      await engine.send(instanceId, { type: step.type, ...(step.data ? { data: step.data } : {}) }, { actor, commandId: `${instanceId}#${i + 1}` });
    }
    // Warning outcomes reach the farm's certification case by message before the next script runs.
    await engine.deliverMessages();
    const record = await engine.get(instanceId);
    report.created.push({ instanceId, workflowId: record.workflowId, stateKey: record.stateKey });
  }
  await engine.idle();
  return report;
}

async function exists(engine: Engine, instanceId: string): Promise<boolean> {
  try {
    await engine.get(instanceId);
    return true;
  } catch (error) {
    if (isEngineError(error) && error.code === 'not-found') return false;
    throw error;
  }
}
