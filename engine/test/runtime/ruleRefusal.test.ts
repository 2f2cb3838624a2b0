/**
 * A guard's refusal that names its rule: the workflow's refusal rule explains, in both languages and
 * with the field it concerns, why the machine refused; the machine alone decides, nothing is written,
 * and a rule that cannot explain leaves the generic refusal.
 */
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { createEngine, createMemoryStore, defineWorkflow, isEngineError, type Actor, type EventDataValidator } from '../../src/index.js';

const machine = setup({
  types: { context: {} as { limit: number }, events: {} as { type: 'SUBMIT'; data: { amount: number } } | { type: 'CLOSE'; data: Record<string, never> } },
  guards: { withinLimit: ({ context, event }) => event.type === 'SUBMIT' && event.data.amount <= context.limit },
}).createMachine({
  id: 'claim',
  context: { limit: 100 },
  initial: 'open',
  states: { open: { on: { SUBMIT: { target: 'submitted', guard: 'withinLimit' }, CLOSE: { target: 'submitted', guard: () => false } } }, submitted: { type: 'final' } },
});

const farm: Actor = { id: 'farm-1', roles: ['producer'], region: 'r', subjects: ['s'] };

function engineWith(refusals: Parameters<typeof defineWorkflow>[0]['refusals']) {
  const workflow = defineWorkflow({
    id: 'claim',
    version: 1,
    machine,
    start: { roles: ['producer'] },
    events: { SUBMIT: { roles: ['producer'], form: 'claim' }, CLOSE: { roles: ['producer'] } },
    access: { subjectRoles: ['producer'] },
    ...(refusals ? { refusals } : {}),
  });
  // The claim form: one whole-number amount.
  const validate: EventDataValidator = (_form, data) =>
    Number.isInteger(data.amount) && Object.keys(data).length === 1 ? { ok: true, formVersion: '1' } : { ok: false, formVersion: '1', issues: [{ path: '/amount', message: 'a whole number', messageZh: '须为整数' }] };
  return createEngine({ store: createMemoryStore(), workflows: [workflow], validate });
}

describe('rule refusals', () => {
  it('names the rule, its numbers and the field; writes nothing', async () => {
    const engine = engineWith({
      SUBMIT: ({ context, data }) => ({ rule: 'seed 999 §一', path: '/amount', message: { zh: `金额不得超过${context.limit}（本次${String(data.amount)}）`, en: `the amount may not exceed ${context.limit} (this one: ${String(data.amount)})` } }),
    });
    const { instanceId } = await engine.start('claim', { actor: farm, region: 'r', subject: 's' });
    const error = await engine.send(instanceId, { type: 'SUBMIT', data: { amount: 150 } }, { actor: farm }).catch((e: unknown) => e);
    expect(isEngineError(error, 'rule-refused')).toBe(true);
    expect(error).toMatchObject({
      messageZh: '不符合办理条件：金额不得超过100（本次150）',
      message: 'A rule of this procedure is not met: the amount may not exceed 100 (this one: 150)',
      details: { rule: 'seed 999 §一', eventType: 'SUBMIT', stateKey: 'open', path: '/amount' },
    });
    expect(await engine.history(instanceId)).toHaveLength(1);
    expect((await engine.send(instanceId, { type: 'SUBMIT', data: { amount: 90 } }, { actor: farm })).stateKey).toBe('submitted');
  });

  it('an event without a rule, a rule that finds nothing to say, or one that throws: the generic refusal', async () => {
    const engine = engineWith({ SUBMIT: () => { throw new Error('cannot read'); }, CLOSE: () => null });
    const { instanceId } = await engine.start('claim', { actor: farm, region: 'r', subject: 's' });
    for (const type of ['SUBMIT', 'CLOSE'] as const) {
      const error = await engine.send(instanceId, type === 'SUBMIT' ? { type, data: { amount: 500 } } : { type }, { actor: farm }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'not-allowed-in-state', details: { reason: 'guard' } });
    }
  });

  it('refuses a definition whose refusal rules do not fit its events', () => {
    const base = { id: 'claim', version: 1, machine, start: { roles: ['producer'] }, events: { SUBMIT: { roles: ['producer'] }, CLOSE: { roles: ['producer'] } } };
    expect(() => defineWorkflow({ ...base, refusals: { PAY: () => null } })).toThrow(/refusals\.PAY: not an event of this workflow/);
    expect(() => defineWorkflow({ ...base, refusals: { SUBMIT: 'no' as never } })).toThrow(/refusals\.SUBMIT must be a function/);
  });
});
