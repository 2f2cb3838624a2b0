/**
 * Through HTTP: 1 or 2 server processes running the production bundle (`node dist/main.js`, the
 * helper the multi-process tests use) on one database, driven by concurrent client loops over fetch
 * with keep-alive connections, client i on server i mod n. A step counts only when its reply is 200.
 * Each request does what a real one does: the session is resolved from the bearer token, the case is
 * read for the caller's scope, the engine loads it again (cacheSize 0), validates and commits. The
 * baseline (the same rows, raw) runs from this process with as many connections as the servers'
 * pools hold together, in rounds alternating with the HTTP rounds.
 */
import { signIn } from '../../../packages/server/test/support/api.js';
import { PASSWORD, prepareDatabase } from '../../../packages/server/test/support/fixtures.js';
import { serverProcess, type ServerProcess } from '../../../packages/server/test/support/servers.js';
import { benchEngine, certifiedCases, guidanceVisit, REGION } from './certifiedCases.js';
import { measureAgainstRaw, type LoadPlan, type LoadResult } from './againstRaw.js';

export async function httpSteps(url: string, processes: number, plan: LoadPlan, postmaster: number): Promise<LoadResult> {
  // Accounts the way an administrator creates them (this also migrates the database).
  await prepareDatabase(url, [{ login: 'bench-district', displayName: '基准测试区农业农村局', roles: ['district'], region: REGION }]);
  // The cases are set up in this process: set-up is not what is measured.
  const setup = await benchEngine(url, 4);
  let ids: string[];
  try {
    ids = await certifiedCases(setup.engine, plan.loops);
  } finally {
    await setup.close();
  }

  const servers: ServerProcess[] = [];
  try {
    servers.push(...(await Promise.all(Array.from({ length: processes }, () => serverProcess({ DATABASE_URL: url, NONGAN_POOL_SIZE: String(plan.poolSize) })))));
    // One session for every client: the token is looked up in the shared database by either server.
    const { token } = await signIn(servers[0]!.baseUrl, 'bench-district', PASSWORD);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const visit = guidanceVisit();
    let commands = 0;
    const step = async (loop: number) => {
      const server = servers[loop % processes]!;
      const body = JSON.stringify({ ...visit, commandId: `bench-http-${process.pid}-${++commands}` });
      const reply = await fetch(`${server.baseUrl}/api/cases/${ids[loop]}/events`, { method: 'POST', headers, body });
      const text = await reply.text();
      if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${text.slice(0, 300)}`);
      return true;
    };
    return await measureAgainstRaw(
      { url, step, sampleCase: ids[0]!, connections: plan.poolSize * processes, serverPids: servers.map((s) => s.child.pid!), postmaster, label: `http${processes}` },
      plan,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
