/**
 * What the case view is doing: nothing, filling an action's form, or waiting for the engine. One
 * commandId per opened action, so a double click or a retry after a network failure is applied once
 * (the engine answers a repeated commandId with its first result).
 */
import type { Opinion } from '@nongan/engine';
import { assign, fromPromise, setup } from 'xstate';

export interface CaseViewContext {
  eventType: string | null;
  commandId: string | null;
  /** Why the last attempt failed: the engine's error, or the widget's own check (reason missing). */
  error: unknown;
  /** The last action the engine accepted, for the confirmation message. */
  lastDone: string | null;
  /** The last action was kept on the device to be sent later (a remote engine offline), not yet accepted. */
  lastQueued: boolean;
  sendEvent: SendEvent;
}

/** Sends the chosen action; `opinion` (审批意见) travels beside the data, signed with the actor's name. */
export type SendEvent = (request: { eventType: string; data: Record<string, unknown> | undefined; commandId: string; opinion?: Opinion }) => Promise<unknown>;

type SendInput = { sendEvent: SendEvent; eventType: string; data: Record<string, unknown> | undefined; commandId: string; opinion?: Opinion };

export type CaseViewEvent =
  | { type: 'CHOOSE'; eventType: string; commandId: string }
  | { type: 'CANCEL' }
  | { type: 'SUBMIT'; data: Record<string, unknown> | undefined; opinion?: Opinion }
  | { type: 'REFUSE'; error: unknown };

export const caseViewMachine = setup({
  types: { context: {} as CaseViewContext, events: {} as CaseViewEvent, input: {} as { sendEvent: SendEvent } },
  actors: {
    send: fromPromise(({ input }: { input: SendInput }) =>
      input.sendEvent({ eventType: input.eventType, data: input.data, commandId: input.commandId, ...(input.opinion ? { opinion: input.opinion } : {}) }),
    ),
  },
}).createMachine({
  id: 'caseView',
  initial: 'idle',
  context: ({ input }) => ({ eventType: null, commandId: null, error: null, lastDone: null, lastQueued: false, sendEvent: input.sendEvent }),
  states: {
    idle: {
      on: {
        CHOOSE: { target: 'editing', actions: assign(({ event }) => ({ eventType: event.eventType, commandId: event.commandId, error: null, lastDone: null })) },
      },
    },
    editing: {
      on: {
        CHOOSE: { target: 'editing', reenter: true, actions: assign(({ event }) => ({ eventType: event.eventType, commandId: event.commandId, error: null })) },
        CANCEL: { target: 'idle', actions: assign({ eventType: null, commandId: null, error: null }) },
        REFUSE: { actions: assign(({ event }) => ({ error: event.error })) },
        SUBMIT: 'submitting',
      },
    },
    submitting: {
      entry: assign({ error: null }),
      invoke: {
        src: 'send',
        input: ({ context, event }): SendInput => ({
          sendEvent: context.sendEvent,
          eventType: context.eventType ?? '',
          commandId: context.commandId ?? '',
          data: event.type === 'SUBMIT' ? event.data : undefined,
          ...(event.type === 'SUBMIT' && event.opinion ? { opinion: event.opinion } : {}),
        }),
        onDone: { target: 'idle', actions: assign(({ context, event }) => ({ lastDone: context.eventType, lastQueued: (event.output as { queued?: unknown } | undefined)?.queued === true, eventType: null, commandId: null })) },
        onError: { target: 'editing', actions: assign(({ event }) => ({ error: event.error })) },
      },
    },
  },
});
