/** Type tests of the engine's public generic API (checked by `pnpm typecheck`, nothing runs). */
import { expectTypeOf } from 'vitest';
import { assign, setup } from 'xstate';
import {
  createEngine,
  createMemoryStore,
  defineWorkflow,
  sendMessage,
  type EngineErrorCode,
  type MachineEvent,
  type SendResult,
  type WorkflowDefinition,
} from '../src/index.js';

const machine = setup({ types: { context: {} as { farm: string; warnings: number }, events: {} as MachineEvent } }).createMachine({
  initial: 'open',
  context: { farm: 'f', warnings: 0 },
  states: {
    open: {
      on: {
        WARN: {
          target: 'open',
          // The message's resolvers see the machine's own context and event types.
          actions: [
            assign({ warnings: ({ context }) => context.warnings + 1 }),
            sendMessage(({ context, event }) => {
              expectTypeOf(context.farm).toEqualTypeOf<string>();
              expectTypeOf(event.data).toEqualTypeOf<Record<string, unknown>>();
              return { workflowId: 'certification', subject: context.farm };
            }, { type: 'SUSPEND' }),
          ],
        },
      },
    },
  },
});

const workflow = defineWorkflow({ id: 'typed', version: 1, machine, start: { roles: ['expert-office'] }, events: { WARN: { roles: ['expert-office'] } } });

// defineWorkflow keeps the machine's own type, so callers can still reach its typed config.
expectTypeOf(workflow.machine).toEqualTypeOf<typeof machine>();
expectTypeOf(workflow).toMatchTypeOf<WorkflowDefinition>();

const engine = createEngine({ store: createMemoryStore(), workflows: [workflow] });
expectTypeOf(engine.send).returns.resolves.toEqualTypeOf<SendResult>();
expectTypeOf(engine.start).parameter(1).toHaveProperty('region').toEqualTypeOf<string>();

// Error codes are a closed union that callers can switch on exhaustively.
expectTypeOf<'conflict'>().toMatchTypeOf<EngineErrorCode>();
// @ts-expect-error an unknown code is not an EngineErrorCode
const unknownCode: EngineErrorCode = 'timeout';
void unknownCode;

// Event data must be an object: a bare value is a type error.
// @ts-expect-error data is a record of fields
void engine.send('id', { type: 'WARN', data: 'x' }, { actor: { id: 'a', roles: [] } });
