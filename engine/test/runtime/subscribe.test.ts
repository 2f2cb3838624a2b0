/**
 * `engine.subscribe`: views learn about every committed step — commands, deadlines and messages —
 * and about nothing that was refused. A throwing listener does not undo or fail the step.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, type EngineChange } from '../../src/index.js';
import { createManualClock } from '../../src/testing/index.js';
import { actors, application, MONDAY, makeEngine, openReview } from '../fixtures/harness.js';
import { reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

describe('engine.subscribe', () => {
  it('reports starts, sends and fired deadlines, not refusals, until unsubscribed', async () => {
    const { engine, clock } = makeEngine();
    const seen: EngineChange[] = [];
    const stop = engine.subscribe((change) => seen.push(change));
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await expect(engine.send('case-1', { type: 'REVOKE' }, { actor: actors.municipal })).rejects.toMatchObject({ code: 'not-allowed-in-state' });
    await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision });
    await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.district });
    clock.advance(30 * 86_400_000);
    await engine.runDueTimers();
    expect(seen.map((c) => [c.kind, c.eventType, c.stateKey, c.seq])).toEqual([
      ['start', 'start', 'draft', 1],
      ['event', 'SUBMIT', 'review.initial', 2],
      ['event', 'APPROVE', 'review.final', 3],
      ['event', 'APPROVE', 'notice', 4],
      ['timer', 'NOTICE_ENDS', 'qualified', 5],
    ]);
    expect(seen[0]).toMatchObject({ instanceId: 'case-1', workflowId: 'sample-review', region: 'jiyuan', subject: 'farm-1', revision: 1, status: 'active' });
    stop();
    await engine.send('case-1', { type: 'REVOKE' }, { actor: actors.municipal });
    expect(seen).toHaveLength(5);
  });

  it('reports message deliveries, and a throwing listener neither fails the step nor silences others', async () => {
    const errors: unknown[] = [];
    const engine = createEngine({
      store: createMemoryStore(),
      clock: createManualClock(MONDAY),
      workflows: [reviewWorkflow, warningWorkflow],
      validate: testValidator,
      messageDelivery: 'manual',
      onError: (error) => errors.push(error),
    });
    const kinds: string[] = [];
    engine.subscribe(() => {
      throw new Error('listener bug');
    });
    engine.subscribe((change) => kinds.push(`${change.kind}:${change.eventType}`));
    await openReview(engine);
    await engine.send('case-1', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.supervision });
    await engine.send('case-1', { type: 'APPROVE' }, { actor: actors.district });
    await engine.runDueTimers(MONDAY + 30 * 86_400_000);
    const { instanceId } = await engine.start('sample-warning', { actor: actors.expert, region: 'jiyuan', subject: 'farm-1' });
    await engine.send(instanceId, { type: 'WARN' }, { actor: actors.expert });
    await engine.deliverMessages();
    expect(kinds).toContain('message:SUSPEND');
    expect(errors.length).toBe(kinds.length);
    expect(() => engine.subscribe('nope' as never)).toThrow(/listener/);
  });
});
