/**
 * Authorisation matrix: for every region and every lifecycle it runs, every role × every event, sent
 * in a state that accepts the event with data that passes its guard. Exactly the roles DOMAIN.md
 * gives the event succeed; every other role is `forbidden` and writes no journal entry. Deadline and
 * message events (role `system`) cannot be sent by any caller.
 */
import { SYSTEM_ROLE, isEngineError } from '@nongan/engine';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, LIFECYCLE_IDS, REGION_IDS, ROLES, runsLifecycle, sampleData, startCase, stepActor, type LifecycleId, type RegionId, type Role } from '../src/index.js';
import { actorFor } from './harness.js';
import { engineData, graphEvent } from './model/catalog.js';
import { CASE, SUBJECT, apply, openCase, possibleIn, type Driven } from './model/driver.js';
import { START_FORM, eventsOf, graphOf } from './model/graphs.js';

/** DOMAIN.md §Roles, event by event (the test's own copy: a change to a definition must show up here). */
const EXPECTED: Record<LifecycleId, Record<string, readonly string[]>> = {
  qualificationReview: {
    start: ['producer', 'third-party'],
    SUBMIT: ['producer', 'third-party'],
    DISCARD: ['producer', 'third-party'], // the farm's own unsubmitted draft
    INITIAL_APPROVE: ['supervision'],
    INITIAL_RETURN: ['supervision'],
    FINAL_APPROVE: ['district'],
    FINAL_RETURN: ['district'],
    NOTIFY_QUALIFIED: ['district'],
    RECORD_IMMUNISATION: ['producer', 'third-party'],
    SELF_TEST_REPORT: ['producer', 'third-party'],
    SAMPLE: ['lab'],
    ENTER_RESULTS: ['lab'],
    REVACCINATED: ['producer', 'third-party'],
    NO_REVACCINATION: ['supervision'],
    CLAIM: ['producer', 'third-party'],
    CLAIM_INITIAL_APPROVE: ['supervision'],
    CLAIM_INITIAL_REJECT: ['supervision'],
    CLAIM_FINAL_APPROVE: ['district'],
    CLAIM_FINAL_REJECT: ['district'],
    CLAIM_OBJECTION: ['district'],
    PAY: ['district'],
    DISQUALIFY: ['district'],
    WINDOW_CLOSES: [],
    RESULTS_OVERDUE: [],
    NOTICE_ENDS: [],
    PAYMENT_OVERDUE: [],
  },
  certification: {
    start: ['producer'],
    EVALUATE: ['expert-office'],
    RECOGNISE: ['municipal'],
    REFUSE_RECOGNITION: ['municipal'],
    SELF_EVALUATION: ['producer'],
    GUIDANCE_VISIT: ['district'],
    RE_EVALUATE: ['expert-office'],
    RECTIFICATION_REPORT: ['producer'],
    RECHECK: ['expert-office'],
    PROPOSE_EXIT: ['expert-office'],
    REVOKE: ['municipal'],
    REJECT_EXIT: ['municipal'],
    YEAR_ENDS: [],
    RE_EVALUATION_DUE: [],
    RECTIFICATION_DUE: [],
    WARNING_SUSPEND: [],
    WARNING_REINSTATE: [],
    WARNING_REVOKE: [],
  },
  warningToExit: {
    start: ['expert-office', 'district'],
    ISSUE_WARNING: ['expert-office'],
    DISMISS: ['expert-office'],
    ORDER_RECTIFICATION: ['district'],
    PROPOSE_DIRECT_EXIT: ['expert-office'],
    REPORT_RECTIFICATION: ['producer'],
    VERIFY_PASSED: ['district'],
    VERIFY_FAILED: ['district'],
    PROPOSE_EXIT: ['expert-office'],
    DECIDE_EXIT: ['municipal'],
    REJECT_EXIT: ['municipal'],
    RECTIFICATION_OVERDUE: [],
  },
  selfInspectToCertificate: {
    start: ['producer'],
    SELF_INSPECT: ['producer'],
    RAPID_TEST: ['inspector'],
    ISSUE_CERTIFICATE: ['producer'],
    REPORT_FAKE: ['inspector', 'enforcement'],
    // Not in DOMAIN.md: withdrawing an issued certificate is the county bureau's or enforcement's act (issue 14).
    REVOKE_CERTIFICATE: ['district', 'enforcement'],
    START_ENFORCEMENT_SAMPLING: ['district'],
    TAKE_ENFORCEMENT_SAMPLE: ['enforcement'],
    ENFORCEMENT_RESULT: ['lab'],
    FILE_CASE: ['enforcement'],
    TRANSFER_TO_POLICE: ['enforcement'],
    CLOSE_CASE: ['enforcement'],
    RETENTION_ENDS: [],
  },
};

const graphs = new Map(LIFECYCLE_IDS.map((l) => [l, graphOf(l, false)]));

it('the definitions give each event exactly the roles DOMAIN.md lists (system for deadlines and messages)', () => {
  for (const lifecycle of LIFECYCLE_IDS) {
    const workflow = LIFECYCLES[lifecycle];
    const declared = Object.fromEntries([['start', workflow.start.roles], ...workflow.eventTypes.map((t) => [t, workflow.events[t]!.roles.filter((r) => r !== SYSTEM_ROLE)])]);
    expect(declared, lifecycle).toEqual(EXPECTED[lifecycle]);
    for (const [type, roles] of Object.entries(EXPECTED[lifecycle])) {
      if (type !== 'start' && roles.length === 0) expect(workflow.events[type]!.roles).toEqual([SYSTEM_ROLE]);
    }
  }
});

/** A case in a state that accepts `type` (guards passing with the sample data), or null if the region cannot get there. */
async function caseAccepting(lifecycle: LifecycleId, region: RegionId, type: string): Promise<Driven | null> {
  const graph = graphs.get(lifecycle)!;
  const event = graph.events.find((e) => e.type === type && JSON.stringify(e) === JSON.stringify(graphEvent(lifecycle, { label: type, type })))!;
  const edge = graph.edges
    .filter((x) => x.event === event && x.from.can(event))
    .map((x) => graph.shortestTo.get(x.source)!)
    .filter((path) => eventsOf(path).every((e) => possibleIn(lifecycle, region, e)))
    .sort((a, b) => a.steps.length - b.steps.length)[0];
  if (!edge) return null;
  const driven = await openCase(lifecycle, region);
  for (const step of eventsOf(edge)) await apply(driven, step);
  return driven;
}

describe.each(REGION_IDS)('region %s', (region) => {
  describe.each(LIFECYCLE_IDS.filter((l) => runsLifecycle(region, l)))('%s', (lifecycle) => {
    const workflow = LIFECYCLES[lifecycle];

    it.each(ROLES)('start as %s', async (role) => {
      const driven = await openCase(lifecycle, region); // a harness; the case under test is another one
      const attempt = startCase(driven.engine, lifecycle, { actor: actorFor(region, role, 'subject-2'), region, subject: 'subject-2', data: sampleData(region, START_FORM[lifecycle]), instanceId: 'other' });
      if (EXPECTED[lifecycle].start!.includes(role)) await expect(attempt).resolves.toMatchObject({ instanceId: 'other' });
      else await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    });

    it.each(workflow.eventTypes.map((t) => [t] as const))('%s: exactly the permitted roles pass', async (type) => {
      const permitted = EXPECTED[lifecycle][type]!;
      const driven = await caseAccepting(lifecycle, region, type);
      if (!driven) return expect(workflow.events[type]!.roles).toEqual([SYSTEM_ROLE]); // only messages this region never sends
      const event = graphEvent(lifecycle, { label: type, type });
      const data = engineData(lifecycle, region, event);
      const send = (d: Driven, role: Role | typeof SYSTEM_ROLE, subject = SUBJECT, actorRegion: string = region) =>
        d.engine.send(CASE, { type, ...(data ? { data } : {}) }, { actor: role === SYSTEM_ROLE ? { id: 'caller', roles: [SYSTEM_ROLE], region } : actorFor(actorRegion, role, subject) });

      const before = await driven.engine.get(CASE);
      const journal = (await driven.engine.history(CASE)).length;
      for (const role of ROLES.filter((r) => !permitted.includes(r))) {
        const error = await send(driven, role).catch((e: unknown) => e);
        expect(isEngineError(error) && error.code, `${type} as ${role}`).toBe('forbidden');
      }
      // A caller claiming the engine's own role is refused outright.
      expect(await send(driven, SYSTEM_ROLE).catch((e: unknown) => isEngineError(e) && e.code)).toBe('invalid-input');
      for (const role of permitted as Role[]) {
        // The right role from another region, and a producer acting for another farm, are refused too.
        const otherRegion = REGION_IDS.find((r) => r !== region)!;
        expect(await send(driven, role, SUBJECT, otherRegion).catch((e: unknown) => isEngineError(e) && e.code), `${type} as ${role} of ${otherRegion}`).toBe('forbidden');
        if (role === 'producer' || role === 'third-party') expect(await send(driven, role, 'someone-else').catch((e: unknown) => isEngineError(e) && e.code)).toBe('forbidden');
      }
      expect(await driven.engine.history(CASE)).toHaveLength(journal);
      expect(await driven.engine.get(CASE)).toEqual(before);

      for (const role of permitted as Role[]) {
        const fresh = role === permitted[0] ? driven : (await caseAccepting(lifecycle, region, type))!;
        // The permitted role's person: whoever the task was assigned to on entry (a grid officer, a season's group), if anyone.
        const actor = stepActor(await fresh.engine.get(CASE), region, role, SUBJECT);
        await expect(fresh.engine.send(CASE, { type, ...(data ? { data } : {}) }, { actor })).resolves.toMatchObject({ instanceId: CASE, replayed: false });
        expect(await fresh.engine.history(CASE)).toHaveLength(journal + 1);
      }
    });
  });
});
