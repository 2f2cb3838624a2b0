/**
 * Safe form rules: JsonLogic expressions that make fields visible, required, read-only or computed.
 * Analyse at load (analyzeRules), build the dependency graph once (buildRuleGraph), evaluate on every
 * change (evaluateRules with `changed` + `previous`), submit with submittableData.
 */
export { analyzeRules } from './analyze.js';
export { buildRuleGraph, RULE_NAMES, type RuleGraph, type RuleName } from './dependencies.js';
export { evaluateExpression, evaluateRules, requiredFields, submittableData, type EvaluateOptions, type RuleState } from './evaluate.js';
export { RulesError } from './issues.js';
export {
  ALLOWED_OPERATORS,
  FORBIDDEN_KEYS,
  isAllowedOperator,
  OPERATOR_ARITY,
  SCOPED_OPERATORS,
  type AllowedOperator,
} from './operators.js';
