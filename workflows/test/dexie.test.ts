/**
 * The portal runs on Dexie (IndexedDB): seed demo data and run the ban check (which queries other
 * cases) and the certificate lookup on the Dexie store (fake-indexeddb in Node), not only on memory.
 */
import { createEngine, createManualClock } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, expect, it } from 'vitest';
import { createRegionEngineOptions, sampleData, seedDemo, startCase, verifyCertificate, type BatchContext } from '../src/index.js';
import { actorFor, chinaTime, warmFormValidators } from './harness.js';

beforeAll(warmFormValidators);

it('seeds Beijing on a Dexie store and answers the start rules and certificate lookups from it', async () => {
  const store = createDexieStore({ name: 'workflows-demo', indexedDB: new IDBFactory(), IDBKeyRange });
  const clock = createManualClock(chinaTime('2026-04-15'));
  const engine = createEngine(createRegionEngineOptions({ store, clock }));
  const { created } = await seedDemo(engine, { region: 'beijing' });
  expect(created.length).toBe(await engine.count({ region: 'beijing' }));

  // beijing-cert-farm-6 was revoked by a warning case: its re-application is refused from the Dexie store
  const farm = actorFor('beijing', 'producer', 'beijing-cert-farm-6');
  await expect(startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: 'beijing-cert-farm-6', data: sampleData('beijing', 'cert-application') })).rejects.toMatchObject({
    code: 'rule-refused',
    messageZh: expect.stringContaining('1年内不得再次申报'),
  });

  const producer = actorFor('inner-mongolia', 'producer', 'nm-1');
  const { instanceId } = await startCase(engine, 'selfInspectToCertificate', { actor: producer, region: 'inner-mongolia', subject: 'nm-1', data: sampleData('inner-mongolia', 'sic-batch') });
  await engine.send(instanceId, { type: 'SELF_INSPECT', data: sampleData('inner-mongolia', 'sic-self-inspection') }, { actor: producer });
  await engine.send(instanceId, { type: 'ISSUE_CERTIFICATE', data: sampleData('inner-mongolia', 'sic-issue') }, { actor: producer });
  const { certificate } = (await engine.get(instanceId)).context as BatchContext;
  expect((await verifyCertificate(engine, certificate!.code)).status).toBe('valid');
  await store.close();
});
