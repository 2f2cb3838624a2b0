/** The error resolve/rebase throw: all issues at once, message in both languages (`中文 / English`). */
import type { Issue } from '../definition/types.js';

export class VariantError extends Error {
  readonly issues: Issue[];

  constructor(issues: Issue[], summaryZh = '区域变体无法解析', summaryEn = 'Regional variant cannot be resolved') {
    const first = issues[0];
    const more = issues.length > 1 ? `（共 ${issues.length} 个问题）` : '';
    const moreEn = issues.length > 1 ? ` (${issues.length} issues)` : '';
    super(
      `${summaryZh}${more}：${first ? `${first.path} ${first.messageZh}` : ''} / ${summaryEn}${moreEn}: ${first ? `${first.path} ${first.message}` : ''}`,
    );
    this.name = 'VariantError';
    this.issues = issues;
  }
}
