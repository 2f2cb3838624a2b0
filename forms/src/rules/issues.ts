/**
 * Issue helpers shared by the rule modules: JSON pointers into the definition and bilingual issues.
 * Kept local to rules/ so this folder does not depend on code other folders are still writing.
 */
import type { Issue } from '../definition/types.js';

/** One JSON pointer reference token (RFC 6901): `~` → `~0`, `/` → `~1`. */
function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends reference tokens to a pointer: `childPointer('/rules/a', 'visibleIf')` → `/rules/a/visibleIf`. */
export function childPointer(base: string, ...tokens: Array<string | number>): string {
  return tokens.reduce<string>((path, token) => `${path}/${escapeToken(token)}`, base);
}

export function issue(path: string, message: string, messageZh: string): Issue {
  return { path, message, messageZh };
}

/**
 * Thrown when a definition's rules cannot be evaluated (evaluateRules refuses definitions that
 * analyzeRules finds fault with) or when evaluateExpression meets an operator outside the allow-list.
 */
export class RulesError extends Error {
  override readonly name = 'RulesError';
  readonly messageZh: string;
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    const moreZh = issues.length > 1 ? `（另有 ${issues.length - 1} 个问题）` : '';
    super(first ? `Invalid rules: ${first.path}: ${first.message}${more}` : 'Invalid rules');
    this.messageZh = first ? `规则无效：${first.path}：${first.messageZh}${moreZh}` : '规则无效';
    this.issues = issues;
  }
}
