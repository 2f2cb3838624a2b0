/** Validation of form data against a FormDefinition: Chinese formats, ReDoS-safe patterns, bilingual issues. */
export { createFormValidator, type FormValidator, type ValidateOptions, type ValidationResult } from './createFormValidator.js';
export { FormDefinitionError } from './errors.js';
export {
  CHINESE_FORMATS,
  STANDARD_FORMATS,
  addChineseFormats,
  checkChineseFormat,
  explainFormat,
  isProvinceCode,
  residentIdCheckChar,
  usccCheckChar,
  type ChineseFormat,
} from './formats.js';
export { UnsafePatternError, checkPattern, patternProblem, re2RegExp, type PatternProblem } from './patternSafety.js';
export { collectSchemaIssues } from './definitionChecks.js';
export { labelAt } from './labels.js';
