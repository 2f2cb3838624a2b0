/**
 * Everything an app needs to run the five regions on one engine: the workflows and resolved forms
 * of a region, and engine options whose injected validator checks each event's data with the
 * region's own variant of the form, the pinned parameter version, and the start rules that need
 * other cases (one open certification per farm, the re-application ban).
 *
 *   const engine = createEngine(createRegionEngineOptions({ store: createDexieStore(), clock }));
 *   await startCase(engine, 'certification', { actor, region: 'beijing', subject: 'farm-1', data });
 */
import {
  EngineError,
  caseNumberSeriesFor,
  createChineseCalendar,
  type Actor,
  type BusinessCalendar,
  type Clock,
  type Engine,
  type EngineOptions,
  type EventDataValidator,
  type SendResult,
  type Store,
  type WorkflowDefinition,
} from '@nongan/engine';
import { createEngineValidator, type FormDefinition } from '@nongan/forms';
import { resolvedFormsOf } from '../forms/catalog.js';
import { LIFECYCLES } from '../lifecycles/index.js';
import { PARAMS_PIN } from '../lifecycles/machineKit.js';
import { isRegionId, parametersInForce, parameterVersion, regionProfile, runsLifecycle } from '../regions/index.js';
import { LIFECYCLE_IDS, type LifecycleId, type RegionId } from '../regions/types.js';
import { qualificationStartRefusal } from './oneApplicationPerYear.js';
import { certificationStartRefusal } from './reapplicationBan.js';
import { refusalError, type StartRefusal } from './startRefusal.js';

/** The workflow definitions a region runs (all regions share the same definitions). */
export function workflowsFor(region: string): WorkflowDefinition[] {
  return regionProfile(region).lifecycles.map((id) => LIFECYCLES[id]);
}

/** The region's resolved forms by id (base + regional overlay). */
export function formsFor(region: string): ReadonlyMap<string, FormDefinition> {
  return resolvedFormsOf(regionProfile(region).id);
}

/** Pins a new case of `region` keeps for life: the parameter version in force at `at`. */
export function pinsFor(region: string, at: number): Record<string, string> {
  return { [PARAMS_PIN]: parametersInForce(region, at).id };
}

export interface RegionEngineOptions {
  store: Store;
  clock?: Clock;
  calendar?: BusinessCalendar;
}

// Resolved forms are immutable and cached per region, so their compiled validators are shared by
// every engine (compiling a schema costs far more than validating with it).
let formValidator: ReturnType<typeof createEngineValidator> | undefined;
function sharedFormValidator() {
  return (formValidator ??= createEngineValidator(({ form, region }) => (isRegionId(region) ? resolvedFormsOf(region).get(form.id) : undefined)));
}

/** What a start rule is given: the store to look for other cases, who opens which case, and when. */
interface StartRuleInput {
  store: Store;
  region: string;
  subject: string;
  data: Record<string, unknown>;
  now: number;
  calendar: BusinessCalendar;
}

/** The start rules that need other cases, by lifecycle; a lifecycle without one starts freely. */
const START_RULES: Partial<Record<LifecycleId, (input: StartRuleInput) => Promise<StartRefusal | null>>> = {
  certification: ({ store, region, subject, now, calendar }) => certificationStartRefusal(store, { region, subject }, now, calendar),
  qualificationReview: ({ store, region, subject, data }) => qualificationStartRefusal(store, { region, subject }, data.year),
};

const issue = (message: string, messageZh: string) => ({ ok: false as const, issues: [{ path: '', message, messageZh }] });

/**
 * The engine's injected validator: region and lifecycle known, parameter pin valid (and in force
 * for a new case), start rules, then the data against the region's variant of the form.
 */
export function createRegionValidator(options: RegionEngineOptions & { clock: Clock; calendar: BusinessCalendar }): EventDataValidator {
  const forms = sharedFormValidator();
  return async (form, data, context) => {
    const { region, workflowId, eventType, pins, subject } = context;
    if (!isRegionId(region)) return issue(`unknown region ${region}`, `未知地区 ${region}`);
    if (!(LIFECYCLE_IDS as readonly string[]).includes(workflowId) || !runsLifecycle(region, workflowId as LifecycleId)) {
      return issue(`${region} does not run ${workflowId}`, `${regionProfile(region).name.zh} 未开展 ${workflowId} 业务`);
    }
    const pinned = pins[PARAMS_PIN];
    if (pinned === undefined || !parameterVersion(pinned) || !pinned.startsWith(`${region}@`)) {
      return issue(
        `the case needs pins.${PARAMS_PIN} naming a ${region} parameter version (start it with startCase or pinsFor)`,
        `案件须在 pins.${PARAMS_PIN} 中指定 ${region} 的参数版本（请用 startCase 或 pinsFor 发起）`,
      );
    }
    if (eventType === 'start') {
      const inForce = parametersInForce(region, options.clock.now()).id;
      if (pinned !== inForce) return issue(`a new case must pin the parameters in force (${inForce}), not ${pinned}`, `新案件须使用现行参数版本 ${inForce}，而不是 ${pinned}`);
      const refusal = await START_RULES[workflowId as LifecycleId]?.({ store: options.store, region, subject, data, now: options.clock.now(), calendar: options.calendar });
      // A business rule, not a form problem: the engine passes this error on as it is.
      if (refusal) throw refusalError(refusal);
    }
    return forms(form, data, context);
  };
}

/** Options for `createEngine`: the four lifecycles, the region validator, the store and clock given. */
export function createRegionEngineOptions(options: RegionEngineOptions): EngineOptions {
  if (!options || typeof options.store?.commit !== 'function') {
    throw new EngineError('invalid-input', { en: 'createRegionEngineOptions needs a store', zh: 'createRegionEngineOptions 需要 store' }, { path: 'store' });
  }
  const clock = options.clock ?? { now: () => Date.now() };
  const calendar = options.calendar ?? createChineseCalendar();
  return {
    store: options.store,
    clock,
    calendar,
    workflows: Object.values(LIFECYCLES),
    validate: createRegionValidator({ ...options, clock, calendar }),
    caseNumberSeries: caseNumberSeriesOf,
  };
}

/** 受理编号 series: the region's prefix and the China year (`济源-2026`); an unknown region keeps its id. */
export const caseNumberSeriesOf = caseNumberSeriesFor((region) => (isRegionId(region) ? regionProfile(region).caseNumberPrefix : region));

export interface StartCaseOptions {
  actor: Actor;
  region: RegionId;
  subject: string;
  /** The subject's GB/T 2260 division (township or village); officials' data scope is matched against it. */
  division?: string;
  data: Record<string, unknown>;
  instanceId?: string;
  commandId?: string;
  role?: string;
  /** Designer-published forms in force for the new case (`FormCatalog.pinsForNewCase`), pinned beside the parameters. */
  formPins?: Readonly<Record<string, string>>;
}

/** Opens a case with the parameter version in force now pinned (what every app should call). */
export async function startCase(engine: Engine, lifecycle: LifecycleId, options: StartCaseOptions): Promise<SendResult> {
  if (!(LIFECYCLE_IDS as readonly string[]).includes(lifecycle)) {
    throw new EngineError('unknown-workflow', { en: `unknown lifecycle ${String(lifecycle)}`, zh: `未知业务流程 ${String(lifecycle)}` }, { path: 'lifecycle' });
  }
  const { formPins, ...start } = options;
  return engine.start(lifecycle, { ...start, pins: { ...pinsFor(options.region, engine.clock.now()), ...formPins } });
}
