/** @nongan/forms: framework-free form core. The React renderer is `@nongan/forms/react`. */
import { RE2JS } from 're2js';
import { providePatternEngine } from './validation/patternEngine.js';

// The core entry is synchronous throughout, so it brings the pattern engine along (see patternEngine.ts).
providePatternEngine(RE2JS);

export * from './definition/index.js';
export * from './variants/index.js';
export * from './access/index.js';
export {
  analyzeRules,
  buildRuleGraph,
  evaluateRules,
  evaluateExpression,
  submittableData,
  requiredFields,
  RulesError,
  ALLOWED_OPERATORS,
  type RuleGraph,
  type RuleState,
  type EvaluateOptions,
} from './rules/index.js';
export {
  createFormValidator,
  FormDefinitionError,
  checkPattern,
  checkChineseFormat,
  usccCheckChar,
  type FormValidator,
  type ValidateOptions,
  type ValidationResult,
} from './validation/index.js';
export { loadForm, type LoadedForm } from './loadForm.js';
export { loadPatternEngine, patternEngineReady } from './validation/patternEngine.js';
export { createEngineValidator, type EngineDataValidator, type EngineFormRequest, type EngineStepPlace } from './engineValidator.js';
export { createFormController, type FormController, type FieldState, type FormControllerOptions } from './controller/formController.js';
export { createDexieDraftStore, createMemoryDraftStore, type Draft, type DraftStore } from './drafts/draftStore.js';
export { autosave, loadDraft, type AutosaveHandle } from './drafts/autosave.js';
export { createDebouncedSave, type DebouncedSave } from './drafts/debouncedSave.js';
export { createDexieAttachmentStore, createMemoryAttachmentStore, type AttachmentRef, type AttachmentStore } from './drafts/attachmentStore.js';
export { loadDivisions, divisionPath, DIVISION_LEVELS, type DivisionNode, type DivisionLevel } from './divisions/divisions.js';
