/**
 * "Direct": the engine in this process on PostgreSQL, built exactly as a server process builds it,
 * sent guidance visits from concurrent loops — no HTTP, no sessions — against the raw baseline of the
 * same rows from the same loops and the same number of connections, rounds alternating. A third
 * series adds to the baseline the NOTIFY every engine step sends, to show what that alone costs.
 */
import { benchEngine, benchOfficials, certifiedCases, guidanceVisit } from './certifiedCases.js';
import { measureAgainstRaw, type LoadPlan, type LoadResult } from './againstRaw.js';

export async function directSteps(url: string, plan: LoadPlan, postmaster: number): Promise<LoadResult> {
  const bench = await benchEngine(url, plan.poolSize);
  try {
    const ids = await certifiedCases(bench.engine, plan.loops);
    const visit = guidanceVisit();
    let commands = 0;
    const step = async (loop: number) => {
      await bench.engine.send(ids[loop]!, visit, { actor: benchOfficials.district, commandId: `bench-direct-${process.pid}-${++commands}` });
      return true;
    };
    return await measureAgainstRaw(
      { url, step, sampleCase: ids[0]!, connections: plan.poolSize, serverPids: [], postmaster, label: 'direct', notifySeries: true },
      plan,
    );
  } finally {
    await bench.close();
  }
}
