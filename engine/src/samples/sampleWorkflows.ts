/**
 * Two small workflows shaped like the real lifecycles (seed 002 qualification review, seed 000
 * warning → suspension), used to test the engine without the workflows package.
 */
import { assign, setup } from 'xstate';
import { defineWorkflow, sendMessage, type Actor, type MachineEvent } from '../index.js';

interface ReviewContext {
  farmName: string;
  headCount: number;
  returns: number;
  reason?: string;
}

/** The review machine; `noticeState` lets version 2 rename the public-notice state (migration tests). */
function reviewMachineWith(noticeState: 'notice' | 'publicNotice') {
  return setup({
    types: {
      context: {} as ReviewContext,
      events: {} as MachineEvent,
      input: {} as { data: Record<string, unknown> },
    },
    guards: {
      // seed 002 §规模标准: pigs stock ≥ 300 (the sample uses one species only)
      meetsScale: ({ event }) => Number(event.data.headCount) >= 300,
    },
    actions: {
      keepApplication: assign(({ event }) => ({ farmName: String(event.data.farmName), headCount: Number(event.data.headCount) })),
      keepReason: assign(({ event, context }) => ({ reason: String(event.data.reason), returns: context.returns + 1 })),
    },
  }).createMachine({
    id: 'review',
    initial: 'draft',
    context: ({ input }) => ({ farmName: String(input.data.farmName ?? ''), headCount: Number(input.data.headCount ?? 0), returns: 0 }),
    on: { DISQUALIFY: { target: '.disqualified', actions: 'keepReason' } },
    states: {
      draft: { on: { SUBMIT: { target: 'review', guard: 'meetsScale', actions: 'keepApplication' } } },
      review: {
        initial: 'initial',
        states: {
          initial: { on: { APPROVE: 'final', RETURN: { target: '#review.returned', actions: 'keepReason' } } },
          final: { on: { APPROVE: `#review.${noticeState}`, RETURN: { target: '#review.returned', actions: 'keepReason' } } },
        },
      },
      returned: { on: { SUBMIT: { target: 'review', guard: 'meetsScale', actions: 'keepApplication' }, WAIVE: 'waived' } },
      [noticeState]: { on: { NOTICE_ENDS: 'qualified', OBJECT: 'review.final' } },
      qualified: { on: { SUSPEND: 'suspended', REVOKE: 'revoked' } },
      suspended: { on: { REINSTATE: 'qualified', REVOKE: 'revoked' } },
      revoked: { type: 'final' },
      waived: { type: 'final' },
      disqualified: { type: 'final' },
    },
  });
}

export const reviewMachine = reviewMachineWith('notice');

export const reviewEvents = {
  SUBMIT: { roles: ['producer', 'third-party'], form: 'application' },
  APPROVE: { roles: ['supervision', 'district'] },
  RETURN: { roles: ['supervision', 'district'], form: 'reason' },
  WAIVE: { roles: ['system'] },
  NOTICE_ENDS: { roles: ['system'] },
  OBJECT: { roles: ['district'], form: 'reason' },
  SUSPEND: { roles: ['system', 'municipal'] },
  REINSTATE: { roles: ['district'] },
  REVOKE: { roles: ['municipal'] },
  DISQUALIFY: { roles: ['district'], form: 'reason' },
};

// seed 002 §三: a returned application not resubmitted within 10 working days is deemed waived (视为放弃)
const waiveDeadline = { after: { workingDays: 10 }, send: 'WAIVE' };
// seed 002 §七: public notice of 5 working days
const noticeDeadline = { after: { workingDays: 5 }, send: 'NOTICE_ENDS' };

/** Task operations of the sample review: the district supervises the station; reviews go back to earlier steps. */
const reviewTasks = {
  supervisors: { supervision: ['district'] },
  returns: { 'review.final': ['review.initial', 'draft'], 'review.initial': ['draft'] },
};

export const reviewWorkflow = defineWorkflow({
  id: 'sample-review',
  version: 1,
  machine: reviewMachine,
  title: { zh: '资质审核（示例）', en: 'Qualification review (sample)' },
  start: { roles: ['producer', 'third-party'], form: 'application' },
  events: reviewEvents,
  deadlines: { notice: noticeDeadline, returned: waiveDeadline },
  access: { regionScoped: true, subjectRoles: ['producer', 'third-party'] },
  tasks: reviewTasks,
});

/** Version 2 renames `notice` to `publicNotice`: cases in `notice` need a stateMap to migrate. */
export const reviewWorkflowV2 = defineWorkflow({
  id: 'sample-review',
  version: 2,
  machine: reviewMachineWith('publicNotice'),
  start: { roles: ['producer', 'third-party'], form: 'application' },
  events: reviewEvents,
  deadlines: { publicNotice: noticeDeadline, returned: waiveDeadline },
  access: { regionScoped: true, subjectRoles: ['producer', 'third-party'] },
  tasks: reviewTasks,
});

/** A warning case that suspends the farm's qualification through an engine message (seed 000 §预警). */
export const warningMachine = setup({
  types: { context: {} as { farm: string }, events: {} as MachineEvent, input: {} as { subject: string } },
}).createMachine({
  id: 'warning',
  initial: 'open',
  context: ({ input }) => ({ farm: input.subject }),
  states: {
    open: {
      on: {
        WARN: {
          target: 'warned',
          actions: sendMessage(({ context }) => ({ workflowId: 'sample-review', subject: context.farm }), { type: 'SUSPEND' }),
        },
      },
    },
    warned: { on: { CLOSE: 'closed' } },
    closed: { type: 'final' },
  },
});

export const warningWorkflow = defineWorkflow({
  id: 'sample-warning',
  version: 1,
  machine: warningMachine,
  start: { roles: ['expert-office'] },
  events: { WARN: { roles: ['expert-office'] }, CLOSE: { roles: ['district'] } },
});

interface PanelContext {
  score: number | null;
  rectifications: number;
}

/**
 * An evaluation decided by an expert panel (seed 000 §六(二): 80 points pass), after the farm's
 * rectification, so that a panel's task can be returned to the farm: the countersign sample.
 */
export const panelMachine = setup({
  types: { context: {} as PanelContext, events: {} as MachineEvent },
  guards: { passes: ({ event }) => Number(event.data.score) >= 80 },
  actions: {
    keepScore: assign(({ event }) => ({ score: Number(event.data.score) })),
    countRectification: assign(({ context }) => ({ rectifications: context.rectifications + 1 })),
  },
}).createMachine({
  id: 'panel',
  initial: 'rectifying',
  context: { score: null, rectifications: 0 },
  states: {
    rectifying: { meta: { label: { zh: '整改中', en: 'Rectifying' } }, on: { REPORT: { target: 'evaluation', actions: 'countRectification' } } },
    evaluation: {
      meta: { label: { zh: '专家评估', en: 'Expert evaluation' } },
      on: {
        EVALUATE: [
          { guard: 'passes', target: 'passed', actions: 'keepScore' },
          { target: 'failed', actions: 'keepScore' },
        ],
      },
    },
    passed: { type: 'final', meta: { label: { zh: '评估通过', en: 'Passed' } } },
    failed: { type: 'final', meta: { label: { zh: '评估未通过', en: 'Failed' } } },
  },
});

const mean = (values: readonly number[]) => Math.round((values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)) * 10) / 10;
const panelScore = ({ deciding }: { deciding: ReadonlyArray<{ vote?: { data?: Record<string, unknown> } }> }) => ({
  score: mean(deciding.map((s) => Number(s.vote?.data?.score))),
});

export const panelWorkflow = defineWorkflow({
  id: 'sample-panel',
  version: 1,
  machine: panelMachine,
  title: { zh: '整改专家评估', en: 'Rectification evaluation' },
  start: { roles: ['producer'] },
  events: {
    REPORT: { roles: ['producer'], label: { zh: '报告整改完成', en: 'Report rectification' } },
    EVALUATE: { roles: ['expert-office'], form: 'score', label: { zh: '专家评分', en: 'Evaluate' } },
  },
  access: { regionScoped: true, subjectRoles: ['producer'] },
  tasks: {
    supervisors: { 'expert-office': ['municipal'] },
    returns: { evaluation: ['rectifying'] },
    countersigns: {
      evaluation: {
        role: 'expert-office',
        rule: { kind: 'ratio', agree: 2, of: 3 },
        vote: { form: 'score', decide: (data) => (Number(data.score) >= 80 ? 'agree' : 'disagree') },
        pass: { event: 'EVALUATE', data: panelScore },
        fail: { event: 'EVALUATE', data: panelScore },
      },
    },
  },
});

/** Named Jiyuan people for the task-operation samples (a farm, two station reviewers, the bureau, four experts). */
export const samplePeople = {
  farm: { id: 'farm-user-1', name: '王场长', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1'] },
  sup1: { id: 'sup-1', name: '李审核', roles: ['supervision'], region: 'jiyuan' },
  sup2: { id: 'sup-2', name: '赵审核', roles: ['supervision'], region: 'jiyuan' },
  supElsewhere: { id: 'sup-bj', name: '钱审核', roles: ['supervision'], region: 'beijing' },
  district: { id: 'dist-1', name: '孙科长', roles: ['district'], region: 'jiyuan' },
  municipal: { id: 'muni-1', name: '周处长', roles: ['municipal'], region: 'jiyuan' },
  expert1: { id: 'exp-1', name: '吴专家', roles: ['expert-office'], region: 'jiyuan' },
  expert2: { id: 'exp-2', name: '郑专家', roles: ['expert-office'], region: 'jiyuan' },
  expert3: { id: 'exp-3', name: '冯专家', roles: ['expert-office'], region: 'jiyuan' },
  expert4: { id: 'exp-4', name: '陈专家', roles: ['expert-office'], region: 'jiyuan' },
} satisfies Record<string, Actor & { name: string }>;
