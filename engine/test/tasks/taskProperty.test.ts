/**
 * Property test: random sequences of claims, releases, assignments, transfers, delegations, returns,
 * withdrawals, countersigns, votes, signer changes, copies, chases and ordinary decisions, by random
 * people, on a review case and a panel case. Whatever is refused records nothing; what is accepted
 * never leaves the case in an illegal state; a held or delegated task is decided only by its holder;
 * and every journal replays into the stored case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEngineError, type Actor, type InstanceRecord, type JournalEntry, type TaskOperation, type WorkflowEvent } from '../../src/index.js';
import { activePaths } from '../../src/workflow/introspect.js';
import { application } from '../fixtures/harness.js';
import { evaluationCase, people, submittedReview, taskEngine } from './taskFixture.js';

const everyone: Actor[] = Object.values(people);
const ids = everyone.map((p) => p.id).concat('nobody');
const opinion = { text: '意见' };
const experts = ['exp-1', 'exp-2', 'exp-3', 'exp-4'];
const STATES = ['draft', 'review', 'review.initial', 'review.final', 'returned', 'notice', 'qualified', 'suspended', 'revoked', 'waived', 'disqualified', 'rectifying', 'evaluation', 'passed', 'failed'];

const operation: fc.Arbitrary<TaskOperation> = fc.oneof(
  fc.constant({ op: 'claim' as const }),
  fc.constant({ op: 'release' as const }),
  fc.constantFrom(...ids).map((to) => ({ op: 'assign' as const, to })),
  fc.constantFrom(...ids).map((to) => ({ op: 'transfer' as const, to })),
  fc.constantFrom('sup-1', 'sup-2').map((to) => ({ op: 'delegate' as const, to, opinion })),
  fc.constantFrom('sup-1', 'sup-2').map((to) => ({ op: 'transfer' as const, to })),
  fc.constantFrom('sup-1', 'sup-2').map((to) => ({ op: 'assign' as const, to })),
  fc.constantFrom(...ids).map((to) => ({ op: 'delegate' as const, to, opinion })),
  fc.constant({ op: 'resolve' as const, opinion }),
  fc.constant({ op: 'resolve' as const, opinion }),
  fc.constantFrom(...STATES).map((to) => ({ op: 'return' as const, to, opinion })),
  fc.constantFrom('draft', 'review.initial', 'rectifying').map((to) => ({ op: 'return' as const, to, opinion })),
  fc.constantFrom('draft', 'review.initial', 'rectifying').map((to) => ({ op: 'return' as const, to, opinion })),
  fc.constant({ op: 'withdraw' as const }),
  fc.subarray([...experts, 'sup-1'], { minLength: 1, maxLength: 4 }).map((signers) => ({ op: 'countersign' as const, signers })),
  fc.integer({ min: 1, max: 5 }).map((draw) => ({ op: 'countersign' as const, draw })),
  fc.integer({ min: 40, max: 100 }).map((score) => ({ op: 'vote' as const, data: { score }, opinion })),
  fc.integer({ min: 60, max: 100 }).map((score) => ({ op: 'vote' as const, data: { score }, opinion })),
  fc.constantFrom('agree', 'disagree').map((decision) => ({ op: 'vote' as const, decision: decision as 'agree' | 'disagree', opinion })),
  fc.constantFrom(...ids).map((person) => ({ op: 'add-signer' as const, person })),
  fc.constantFrom(...ids).map((person) => ({ op: 'remove-signer' as const, person })),
  fc.subarray(ids, { minLength: 1, maxLength: 3 }).map((to) => ({ op: 'copy' as const, to })),
  fc.constant({ op: 'read' as const }),
  fc.constant({ op: 'chase' as const }),
);

const event: fc.Arbitrary<WorkflowEvent> = fc.oneof(
  fc.constant({ type: 'APPROVE' }),
  fc.constant({ type: 'RETURN', data: { reason: '材料不全' } }),
  fc.constant({ type: 'SUBMIT', data: application }),
  fc.constant({ type: 'REPORT' }),
  fc.integer({ min: 40, max: 100 }).map((score) => ({ type: 'EVALUATE', data: { score } })),
);

const step = fc.record({
  caseIndex: fc.integer({ min: 0, max: 1 }),
  // Mostly the people who take part in the two cases, sometimes anyone.
  actor: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(people.sup1, people.sup2, people.district, people.farm) },
    { weight: 3, arbitrary: fc.constantFrom(people.expert1, people.expert2, people.expert3, people.municipal) },
    { weight: 1, arbitrary: fc.constantFrom(...everyone) },
  ),
  action: fc.oneof(
    { weight: 6, arbitrary: operation.map((o) => ({ kind: 'op' as const, o })) },
    { weight: 2, arbitrary: event.map((e) => ({ kind: 'event' as const, e })) },
    // Steps taken by whoever the case waits for now, so that sequences get deep into panels and delegations.
    { weight: 2, arbitrary: fc.integer({ min: 50, max: 100 }).map((score) => ({ kind: 'pending' as const, score })) },
  ),
});

/** Who the case waits for now and what they would do: a pending signer votes, a delegate hands back, a holder decides. */
function pendingStep(record: InstanceRecord, score: number): { actor: Actor; run: (engine: ReturnType<typeof taskEngine>['engine']) => Promise<unknown> } | undefined {
  const byId = (id: string) => everyone.find((p) => p.id === id);
  const work = record.work;
  const signer = work?.countersign?.signers.find((s) => !s.vote);
  if (signer && byId(signer.id)) return { actor: byId(signer.id)!, run: (e) => e.operate(record.id, { op: 'vote', data: { score }, opinion }, { actor: byId(signer.id)! }) };
  if (work?.delegate && byId(work.delegate.id)) return { actor: byId(work.delegate.id)!, run: (e) => e.operate(record.id, { op: 'resolve', opinion }, { actor: byId(work.delegate!.id)! }) };
  if (work?.holder && byId(work.holder.id)) {
    const type = record.acceptedEvents.includes('APPROVE') ? { type: 'APPROVE' } : { type: 'EVALUATE', data: { score } };
    return { actor: byId(work.holder.id)!, run: (e) => e.send(record.id, type, { actor: byId(work.holder!.id)! }) };
  }
  return undefined;
}

/** What must hold of every stored case whatever happened before. */
function assertLegal(record: InstanceRecord, engine: ReturnType<typeof taskEngine>['engine']): void {
  const workflow = engine.workflow(record.workflowId, record.workflowVersion);
  const work = record.work;
  if (!work) return;
  expect(Object.keys(work).length).toBeGreaterThan(0);
  if (record.status === 'done') {
    expect(work.holder ?? work.delegate ?? work.countersign ?? work.chases).toBeUndefined();
  }
  if (work.delegate) expect(work.holder, 'a delegated task has a holder it returns to').toBeDefined();
  if (work.delegate) expect(work.delegate.id).not.toBe(work.holder!.id);
  if (work.countersign) {
    expect(activePaths(record.state).has(work.countersign.statePath)).toBe(true);
    expect(workflow.tasks.countersigns.has(work.countersign.statePath)).toBe(true);
    const signers = work.countersign.signers.map((s) => s.id);
    expect(new Set(signers).size).toBe(signers.length);
    expect(signers.length).toBeGreaterThan(0);
    expect(work.delegate).toBeUndefined();
  }
  for (const copy of work.copies ?? []) expect(ids).toContain(copy.to.id);
}

/** A decision by someone other than the holder of a held (or delegated) task under that role never got through. */
function assertHoldersDecided(entries: readonly JournalEntry[], records: ReadonlyMap<number, InstanceRecord>): void {
  for (const entry of entries) {
    if (entry.kind !== 'event') continue;
    const before = records.get(entry.seq - 1)?.work;
    if (before?.holder && before.holder.role === entry.actor.role) {
      expect(before.delegate, `entry ${entry.seq}: decided while delegated`).toBeUndefined();
      expect(entry.actor.id, `entry ${entry.seq}: decided by someone else than the holder`).toBe(before.holder.id);
    }
  }
}

describe('task operations, property-based', () => {
  it('random operations never reach an illegal state, refusals write nothing, every journal verifies', async () => {
    const accepted = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
        const { engine, clock } = taskEngine();
        const cases = [await submittedReview(engine, 'review-1'), await evaluationCase(engine, 'panel-1')];
        const recordsAfter = new Map<string, Map<number, InstanceRecord>>(cases.map((id) => [id, new Map()]));
        for (const id of cases) {
          const record = await engine.get(id);
          recordsAfter.get(id)!.set(record.journalHead.seq, record);
        }
        for (const { caseIndex, actor, action } of steps) {
          const id = cases[caseIndex]!;
          const before = await engine.get(id);
          const pending = action.kind === 'pending' ? pendingStep(before, action.score) : undefined;
          if (action.kind === 'pending' && !pending) continue;
          try {
            if (action.kind === 'op') await engine.operate(id, action.o, { actor });
            else if (action.kind === 'event') await engine.send(id, action.e, { actor });
            else await pending!.run(engine);
            const name = action.kind === 'op' ? action.o.op : action.kind;
            accepted.set(name, (accepted.get(name) ?? 0) + 1);
          } catch (error) {
            if (!isEngineError(error)) throw error;
            expect(['forbidden', 'not-allowed-in-state', 'invalid-input', 'invalid-data', 'not-found', 'rule-refused']).toContain(error.code);
            expect(error.messageZh).toBeTruthy();
            expect((await engine.get(id)).revision, `${error.code} recorded something`).toBe(before.revision);
          }
          const after = await engine.get(id);
          assertLegal(after, engine);
          recordsAfter.get(id)!.set(after.journalHead.seq, after);
          clock.advance(3_600_000);
        }
        for (const id of cases) {
          const entries = await engine.history(id);
          assertHoldersDecided(entries, recordsAfter.get(id)!);
          const verified = await engine.verify(id);
          expect(verified.problems).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
    // The sequences must reach the operations, not only their refusals.
    for (const op of ['claim', 'transfer', 'delegate', 'return', 'withdraw', 'countersign', 'copy', 'chase', 'event', 'pending']) {
      expect(accepted.get(op) ?? 0, `${op} was never accepted: ${JSON.stringify([...accepted])}`).toBeGreaterThan(0);
    }
  }, 120_000);
});
