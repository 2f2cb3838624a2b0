/**
 * A form definition that cannot become a validator (invalid schema, refused pattern, unknown format,
 * unknown keyword, unresolvable $ref). Thrown by createFormValidator; every problem is one Issue whose
 * path is a JSON pointer into the DEFINITION (e.g. `/schema/properties/code/pattern`).
 */
import type { Issue } from '../definition/types.js';

export class FormDefinitionError extends Error {
  readonly issues: Issue[];

  /** `subject` names the definition in the message, e.g. `slaughter-report@1.2.0`. */
  constructor(issues: Issue[], subject?: string) {
    const zhHead = subject ? `表单定义 ${subject} 无效` : '表单定义无效';
    const enHead = subject ? `Invalid form definition ${subject}` : 'Invalid form definition';
    const zh = issues.map((issue) => issue.messageZh).join('；');
    const en = issues.map((issue) => issue.message).join('; ');
    super(`${zhHead}：${zh} / ${enHead}: ${en}`);
    this.name = 'FormDefinitionError';
    this.issues = issues;
  }
}
