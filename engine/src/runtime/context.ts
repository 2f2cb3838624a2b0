/** What every engine operation needs, passed explicitly instead of hidden in a class. */
import type { BusinessCalendar } from '../calendar/businessCalendar.js';
import type { CheckpointSigner } from '../journal/checkpoint.js';
import type { Store } from '../store/store.js';
import type { ChangeSet } from '../store/store.js';
import type { Clock, EventDataValidator } from '../types.js';
import type { WorkflowRegistry } from '../workflow/registry.js';
import type { InstanceCache } from './instanceCache.js';
import type { PeopleDirectory } from '../tasks/directory.js';
import type { CaseNumberSeries } from './caseNumber.js';

export interface EngineContext {
  store: Store;
  registry: WorkflowRegistry;
  clock: Clock;
  calendar: BusinessCalendar;
  validate: EventDataValidator | undefined;
  newId: () => string;
  cache: InstanceCache;
  /** The series each new case's 受理编号 is taken from. */
  caseNumberSeries: CaseNumberSeries;
  /** Who the people an operation names are (task transfers, panels, copies). */
  directory?: PeopleDirectory;
  /** Signs and checks checkpoints of journal heads, when the engine keeps them. */
  checkpointSigner?: CheckpointSigner;
  /** Called after each successful commit (the engine uses it to deliver new outbox messages). */
  afterCommit?: (change: ChangeSet) => void;
}
