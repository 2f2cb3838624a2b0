/**
 * `defineWorkflow` checks a definition once, at registration, and refuses a broken one with
 * `invalid-definition`, the offending path in `details.path`, and a Chinese `messageZh`.
 */
import { describe, expect, it } from 'vitest';
import { createMachine, fromPromise, setup, type AnyStateMachine } from 'xstate';
import { createEngine, createMemoryStore, defineWorkflow, type EngineError, type WorkflowConfig } from '../../src/index.js';
import { reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

/** A valid two-state workflow; each test breaks one thing. */
const okMachine = createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: 'b', TIMEOUT: 'b' } }, b: { type: 'final' } } });
function config(overrides: Partial<WorkflowConfig> = {}): WorkflowConfig {
  return {
    id: 'probe',
    version: 1,
    machine: okMachine,
    start: { roles: ['producer'] },
    events: { GO: { roles: ['district'] }, TIMEOUT: { roles: ['system'] } },
    deadlines: { a: { after: { workingDays: 3 }, send: 'TIMEOUT' } },
    ...overrides,
  };
}

/** The error `defineWorkflow` throws for this config (fails the test if it does not throw). */
function refusal(c: WorkflowConfig): EngineError {
  try {
    defineWorkflow(c);
  } catch (error) {
    return error as EngineError;
  }
  throw new Error('defineWorkflow accepted the definition');
}

function expectRefused(c: WorkflowConfig, path: string, fragment: string) {
  const error = refusal(c);
  expect(error).toMatchObject({ name: 'EngineError', code: 'invalid-definition', details: { path } });
  expect(error.message).toContain(fragment);
  expect(error.messageZh).toMatch(/^流程定义无效：/);
  expect(error.messageZh).toMatch(/[\u4e00-\u9fa5]/);
}

/** A machine with one extra thing inside state `a`. */
const machineWith = (a: Record<string, unknown>) =>
  createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: 'b', TIMEOUT: 'b' }, ...a }, b: { type: 'final' } } } as never) as AnyStateMachine;

describe('defineWorkflow', () => {
  it('accepts the valid base definition', () => {
    const workflow = defineWorkflow(config());
    expect(workflow.eventTypes).toEqual(['GO', 'TIMEOUT']);
    expect(workflow.deadlines.get('a')).toEqual([{ after: { workingDays: 3 }, send: 'TIMEOUT' }]);
    expect(workflow.access).toEqual({ regionScoped: true, separationOfDuties: true, subjectRoles: [] });
  });

  it('refuses an event the machine handles but `events` does not declare', () => {
    expectRefused(config({ events: { GO: { roles: ['district'] } }, deadlines: {} }), 'events.TIMEOUT', 'handles event TIMEOUT');
  });

  it('refuses a declared event that no state handles', () => {
    expectRefused(config({ events: { GO: { roles: ['district'] }, TIMEOUT: { roles: ['system'] }, FLY: { roles: ['district'] } } }), 'events.FLY', 'no state handles it');
  });

  it('refuses deadlines on an unknown state, for an undeclared event, or for an event without the system role', () => {
    expectRefused(config({ deadlines: { nowhere: { after: { days: 1 }, send: 'TIMEOUT' } } }), 'deadlines.nowhere', 'unknown state nowhere');
    expectRefused(config({ deadlines: { a: { after: { days: 1 }, send: 'EXPIRE' } } }), 'deadlines.a[0]', 'EXPIRE is not a declared event');
    expectRefused(config({ deadlines: { a: { after: { days: 1 }, send: 'GO' } } }), 'deadlines.a[0]', "must list the 'system' role");
    // The second of two deadlines is named by its index.
    expectRefused(config({ deadlines: { a: [{ after: { days: 1 }, send: 'TIMEOUT' }, { after: { days: 2 }, send: 'GO' }] } }), 'deadlines.a[1]', 'GO');
  });

  it('refuses a bad `after`', () => {
    const bad: unknown[] = [
      { weeks: 2 },
      { workingDays: -1 },
      { workingDays: 1.5 },
      { days: 1, months: 1 },
      { workingDays: 1_000_000 },
      { fromData: '' },
      { fromData: 'a..b' },
      { fromData: 'application.closesOn', offset: { hours: 3 } },
      { fromData: 'application.closesOn', extra: 1 },
      null,
      'P5D',
    ];
    for (const after of bad) {
      expectRefused(config({ deadlines: { a: { after: after as never, send: 'TIMEOUT' } } }), 'deadlines.a[0]', 'deadlines.a[0].after');
    }
    // …while the valid shapes pass.
    for (const after of [{ workingDays: 0 }, { days: 30 }, { months: 6 }, { years: 1 }, { fromData: 'x.closesOn', offset: { workingDays: 10 } }]) {
      expect(() => defineWorkflow(config({ deadlines: { a: { after, send: 'TIMEOUT' } } }))).not.toThrow();
    }
  });

  it('refuses machine features that cannot be restored from storage: after delays, invoke, history states', () => {
    expectRefused(config({ machine: machineWith({ after: { 1000: 'b' } }) }), 'a', "XState 'after' delays");
    expectRefused(config({ machine: machineWith({ invoke: { src: fromPromise(async () => 1) } }) }), 'a', 'invokes an actor');
    const withHistory = createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { initial: 'x', states: { x: { on: { GO: 'y' } }, y: { on: { TIMEOUT: 'x' } }, hist: { type: 'history' } } },
        b: { type: 'final' },
      },
    });
    expectRefused(config({ machine: withHistory }), 'a.hist', 'history state');
  });

  it('refuses a bad id, version or machine', () => {
    for (const id of ['', 'Bad', '1abc', 'with space', 'under_score', undefined]) {
      expectRefused(config({ id: id as never }), 'id', 'id must be');
    }
    for (const version of [0, -1, 1.5, '1', undefined]) {
      expectRefused(config({ version: version as never }), 'version', 'version must be a positive integer');
    }
    expectRefused(config({ machine: { states: {} } as never }), 'machine', 'XState v5 machine');
  });

  it('refuses empty or malformed role lists', () => {
    expectRefused(config({ start: { roles: [] } }), 'start.roles', 'non-empty list of role names');
    expectRefused(config({ start: { roles: [''] } }), 'start.roles', 'non-empty list of role names');
    expectRefused(config({ events: { GO: { roles: [] }, TIMEOUT: { roles: ['system'] } } }), 'events.GO.roles', 'non-empty list');
    expectRefused(config({ events: { GO: { roles: 'district' as never }, TIMEOUT: { roles: ['system'] } } }), 'events.GO.roles', 'non-empty list');
    expectRefused(config({ events: null as never }), 'events', 'events must map');
  });

  it('treats a setup() machine the same way as createMachine', () => {
    const machine = setup({}).createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } });
    expectRefused(config({ machine, deadlines: {} }), 'events.TIMEOUT', 'no state handles it');
  });
});

describe('createEngine registration', () => {
  it('refuses a workflow that names forms when no validate function is given', () => {
    const attempt = () => createEngine({ store: createMemoryStore(), workflows: [reviewWorkflow] });
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid-definition' }));
    try {
      attempt();
    } catch (error) {
      expect((error as EngineError).messageZh).toBe('流程定义无效：sample-review@1 使用了表单，createEngine 须提供 validate 校验函数');
    }
    // The same check applies to a later register(); a workflow without forms is fine.
    const engine = createEngine({ store: createMemoryStore(), workflows: [warningWorkflow] });
    expect(() => engine.register(reviewWorkflow)).toThrow(expect.objectContaining({ code: 'invalid-definition' }));
    expect(() => engine.workflow('sample-review')).toThrow(expect.objectContaining({ code: 'unknown-workflow' }));
  });

  it('refuses registering the same id@version twice', () => {
    const twice = () => createEngine({ store: createMemoryStore(), workflows: [warningWorkflow, warningWorkflow] });
    expect(twice).toThrow(expect.objectContaining({ code: 'already-exists', details: { workflow: 'sample-warning@1' } }));
    const engine = createEngine({ store: createMemoryStore(), workflows: [reviewWorkflow, warningWorkflow], validate: testValidator });
    let error: EngineError | undefined;
    try {
      engine.register(reviewWorkflow);
    } catch (e) {
      error = e as EngineError;
    }
    expect(error).toMatchObject({ code: 'already-exists' });
    expect(error?.messageZh).toBe('已存在：流程 sample-review@1 已注册');
  });
});
