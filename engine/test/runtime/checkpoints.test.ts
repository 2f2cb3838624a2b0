/** Checkpoint rounds: one now, then on a timer; two engines on one store racing for a number is not an error. */
import { describe, expect, it } from 'vitest';
import { createEd25519Signer, createEngine, createMemoryStore } from '../../src/index.js';
import { actors, application } from '../fixtures/harness.js';
import { reviewWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

async function signer() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  return createEd25519Signer({ keyId: 'k', privateKey: pair.privateKey, publicKeys: { k: pair.publicKey } });
}

describe('startCheckpoints', () => {
  it('signs a checkpoint at once and stops after the round in flight; a second engine racing for the number reports nothing', async () => {
    const store = createMemoryStore();
    const errors: unknown[] = [];
    const checkpointSigner = await signer();
    const [a, b] = [0, 1].map(() => createEngine({ store, workflows: [reviewWorkflow], validate: testValidator, messageDelivery: 'manual', checkpointSigner, onError: (e) => errors.push(e) }));
    await a!.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'case-1' });
    const rounds = [a!.startCheckpoints({ everyMs: 60_000 }), b!.startCheckpoints({ everyMs: 60_000 })];
    await Promise.all(rounds.map((r) => r.stop()));
    expect(errors).toEqual([]);
    expect(await a!.verifyCheckpoints()).toMatchObject({ ok: true, checkpoints: 1, lastGood: { seq: 1 } });
    expect((await a!.verify('case-1')).checkpoint).toMatchObject({ seq: 1 });
  });

  it('needs a signer', () => {
    const engine = createEngine({ store: createMemoryStore(), workflows: [reviewWorkflow], validate: testValidator });
    expect(() => engine.startCheckpoints()).toThrow(/checkpointSigner/);
  });
});
