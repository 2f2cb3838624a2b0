/**
 * The case view's interaction machine: one commandId per opened action, kept across a retry after a
 * refusal (the engine applies a command once), the error cleared on resubmit, the last accepted
 * action remembered for the confirmation.
 */
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { caseViewMachine, type SendEvent } from '../src/caseViewMachine.js';

describe('case view machine', () => {
  it('sends with the opened action\'s commandId, keeps it for a retry, and returns to idle when accepted', async () => {
    const calls: Array<Parameters<SendEvent>[0]> = [];
    let refuse = true;
    const sendEvent: SendEvent = async (request) => {
      calls.push(request);
      if (refuse) throw new Error('refused by the engine');
      return { ok: true };
    };
    const actor = createActor(caseViewMachine, { input: { sendEvent } }).start();
    actor.send({ type: 'CHOOSE', eventType: 'RETURN', commandId: 'cmd-1' });
    expect(actor.getSnapshot().value).toBe('editing');
    actor.send({ type: 'SUBMIT', data: { reason: '资料不全' } });
    expect(actor.getSnapshot().value).toBe('submitting');
    await waitFor(actor, (s) => s.matches('editing'));
    expect((actor.getSnapshot().context.error as Error).message).toBe('refused by the engine');

    refuse = false;
    actor.send({ type: 'SUBMIT', data: { reason: '资料不全，缺少免疫记录' } });
    expect(actor.getSnapshot().context.error).toBeNull();
    await waitFor(actor, (s) => s.matches('idle'));
    expect(calls.map((c) => c.commandId)).toEqual(['cmd-1', 'cmd-1']);
    expect(calls[1]).toEqual({ eventType: 'RETURN', commandId: 'cmd-1', data: { reason: '资料不全，缺少免疫记录' } });
    expect(actor.getSnapshot().context).toMatchObject({ lastDone: 'RETURN', eventType: null, commandId: null });
  });

  it('records the widget\'s own refusal, switches actions with a fresh command, and cancels', () => {
    const actor = createActor(caseViewMachine, { input: { sendEvent: async () => undefined } }).start();
    actor.send({ type: 'SUBMIT', data: {} });
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'CHOOSE', eventType: 'APPROVE', commandId: 'a' });
    actor.send({ type: 'REFUSE', error: 'reason missing' });
    expect(actor.getSnapshot().context.error).toBe('reason missing');
    actor.send({ type: 'CHOOSE', eventType: 'RETURN', commandId: 'b' });
    expect(actor.getSnapshot().context).toMatchObject({ eventType: 'RETURN', commandId: 'b', error: null });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().context).toMatchObject({ eventType: null, commandId: null });
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('sends the opinion (审批意见) given with a decision beside its data', async () => {
    const calls: Array<Parameters<SendEvent>[0]> = [];
    const actor = createActor(caseViewMachine, { input: { sendEvent: async (request) => void calls.push(request) } }).start();
    actor.send({ type: 'CHOOSE', eventType: 'APPROVE', commandId: 'c' });
    actor.send({ type: 'SUBMIT', data: undefined, opinion: { text: '材料齐全，同意' } });
    await waitFor(actor, (s) => s.matches('idle'));
    expect(calls).toEqual([{ eventType: 'APPROVE', commandId: 'c', data: undefined, opinion: { text: '材料齐全，同意' } }]);
  });
});
