export { createEngine, type Engine, type EngineChange, type EngineOptions } from './runtime/createEngine.js';
export { caseNumberSeriesFor, defaultCaseNumberSeries, type CaseNumberSeries } from './runtime/caseNumber.js';
export type { StartOptions, SendOptions } from './runtime/commands.js';
export type { Task, TaskQuery, CopiedCase } from './runtime/queries.js';
export type { OperateOptions } from './runtime/operate.js';
export { TASK_OPERATIONS, TASK_OPERATION_LABELS, taskEventType, operationOfEventType, type TaskOperation, type TaskOperationName } from './tasks/operations.js';
export type { AllowedOperations, Assignment } from './tasks/allowedOperations.js';
export { listDirectory, type PeopleDirectory } from './tasks/directory.js';
export { qualifies as mayActAs } from './tasks/taskAccess.js';
export type { TaskConfig, CountersignSpec, CountersignTally, AssignRule, AssignInput } from './tasks/taskSpec.js';
export { countersignOutcome, ruleText as countersignRuleText } from './tasks/countersignRule.js';
export type * from './tasks/work.js';
export type { MigrateOptions, MigrationReport } from './runtime/migrate.js';
export type { TimerRunReport, Scheduler } from './runtime/timers.js';
export type { OutboxReport } from './runtime/outbox.js';
export { sendMessage, MESSAGE_EVENT } from './runtime/messages.js';
export {
  defineWorkflow,
  SYSTEM_ROLE,
  type WorkflowConfig,
  type WorkflowDefinition,
  type EventSpec,
  type DeadlineSpec,
  type WorkflowAccess,
  type LocalText,
  type RefusalRule,
  type RuleRefusal,
} from './workflow/defineWorkflow.js';
export { leafPaths, activePaths, stateKeyOf } from './workflow/introspect.js';
export { formSteps, type FormStep, type FormUse } from './workflow/formSteps.js';
export { WorkflowRegistry } from './workflow/registry.js';
export { divisionPrefixes, inDivisions, mayView, participantRoles, taskKeysOfActor } from './runtime/access.js';
export { DIVISION_LEVEL_LENGTHS, MAX_EVENT_DATA_BYTES } from './runtime/validateInput.js';
export { EngineError, isEngineError, type EngineErrorCode, type FieldIssue } from './errors.js';
export { verifyJournal, GENESIS_HASH, type VerifyResult, type JournalProblem } from './journal/journal.js';
export { verifyDump, type DumpProblem } from './journal/verifyDump.js';
export { checkDumpShape } from './journal/checkDumpShape.js';
export { createEd25519Signer, type CheckpointSigner, type HeadRef, type JournalCheckpoint } from './journal/checkpoint.js';
export type { CheckpointReport, Checkpointing, CheckpointVerifyResult } from './runtime/checkpoints.js';
export { canonicalJson } from './journal/hash.js';
export { toBase64Url, fromBase64Url } from './journal/base64url.js';
export { createMemoryStore, MemoryStore } from './store/memoryStore.js';
export { createManualClock, type ManualClock } from './clock/manualClock.js';
export type { Store, ChangeSet, CheckpointLog, InstanceQuery, StoreDump, TimerKey, WorkClaims, ActorPart } from './store/store.js';
export { stateKeyMatches, DEFAULT_QUERY_LIMIT } from './store/store.js';
export { conflictError, duplicateCommandError, duplicateKeyError } from './store/storeErrors.js';
export * from './calendar/index.js';
export type * from './types.js';
