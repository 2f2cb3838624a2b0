/**
 * The workflow the benchmark drives: a certified farm suspended and reinstated over and over
 * (seed 000 §动态监管: fail → mark suspended, 6-month rectification, re-check → certified again).
 * Each step leaves and enters a state with a deadline, so timers are cancelled and scheduled too.
 */
import { assign, setup } from 'xstate';
import { defineWorkflow, type MachineEvent } from '@nongan/engine';

interface CertificationContext {
  farmName: string;
  species: string;
  headCount: number;
  score: number;
  suspensions: number;
}

export const certificationMachine = setup({
  types: { context: {} as CertificationContext, events: {} as MachineEvent, input: {} as { subject: string } },
}).createMachine({
  id: 'bench-certification',
  initial: 'certified',
  context: ({ input }) => ({ farmName: `${input.subject} 生猪养殖场`, species: 'pig', headCount: 1200, score: 86, suspensions: 0 }),
  states: {
    certified: { on: { SUSPEND: { target: 'suspended', actions: assign({ suspensions: ({ context }) => context.suspensions + 1 }) } } },
    suspended: { on: { REINSTATE: 'certified', EXPIRE: 'exitProposed' } },
    exitProposed: { on: { REVOKE: 'revoked' } },
    revoked: { type: 'final' },
  },
});

export const certificationWorkflow = defineWorkflow({
  id: 'bench-certification',
  version: 1,
  machine: certificationMachine,
  start: { roles: ['producer'] },
  events: {
    SUSPEND: { roles: ['expert-office'] },
    REINSTATE: { roles: ['district'] },
    EXPIRE: { roles: ['system'] },
    REVOKE: { roles: ['municipal'] },
  },
  // seed 000: rectify within 6 months
  deadlines: { suspended: { after: { months: 6 }, send: 'EXPIRE' } },
  access: { regionScoped: true, subjectRoles: ['producer'] },
});

export const REGIONS = ['beijing', 'jiyuan', 'kaizhou', 'inner-mongolia', 'luoyang'] as const;

export const benchActors = {
  producer: (region: string, subject: string) => ({ id: `p-${subject}`, roles: ['producer'], region, subjects: [subject] }),
  expert: (region: string) => ({ id: `expert-${region}`, roles: ['expert-office'], region }),
  district: (region: string) => ({ id: `district-${region}`, roles: ['district'], region }),
};
