/**
 * Cross-instance messages. A machine emits them with `sendMessage(...)` (an XState `emit` action);
 * the engine turns each emitted message into an outbox row written in the same transaction as the
 * transition that caused it, and delivers it later, at least once, as a `system` event.
 */
import { emit, type ActionFunction, type EventObject, type MachineContext } from 'xstate';
import type { MessageTarget, WorkflowEvent } from '../types.js';

export const MESSAGE_EVENT = 'nongan.message';

export interface EmittedMessage {
  type: typeof MESSAGE_EVENT;
  to: MessageTarget;
  event: WorkflowEvent;
}

type Resolver<T, TContext, TEvent> = T | ((args: { context: TContext; event: TEvent }) => T);

/** An action that sends `event` to another case, e.g. a warning case suspending a certification. */
export function sendMessage<TContext extends MachineContext, TEvent extends EventObject>(
  to: Resolver<MessageTarget, TContext, TEvent>,
  event: Resolver<WorkflowEvent, TContext, TEvent>,
): ActionFunction<TContext, TEvent, TEvent, undefined, never, never, never, never, EventObject> {
  // The machine's declared `emitted` types do not include engine messages, hence the cast.
  return emit((args: { context: TContext; event: TEvent }) => ({
    type: MESSAGE_EVENT,
    to: typeof to === 'function' ? to(args) : to,
    event: typeof event === 'function' ? event(args) : event,
  })) as never;
}

/** Messages among the executable actions a pure transition returned. */
export function emittedMessages(actions: ReadonlyArray<{ type: string; params?: unknown }>): EmittedMessage[] {
  const out: EmittedMessage[] = [];
  for (const action of actions) {
    if (action.type !== 'xstate.emit') continue;
    const emitted = (action.params as { event?: EmittedMessage } | undefined)?.event;
    if (emitted?.type === MESSAGE_EVENT) out.push(emitted);
  }
  return out;
}
