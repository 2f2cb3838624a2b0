/**
 * Typed engine errors with stable codes. Callers switch on `code`; people read `message`
 * (English) or `messageZh` (Chinese). `details` carries the machine-readable specifics.
 */
export type EngineErrorCode =
  | 'forbidden'
  | 'not-allowed-in-state'
  /** The case accepts the event here, but a business rule of the lifecycle refuses it: `details.rule` names it. */
  | 'rule-refused'
  | 'invalid-data'
  | 'invalid-input'
  | 'invalid-definition'
  | 'conflict'
  | 'not-found'
  | 'unknown-workflow'
  | 'already-exists'
  /** The stored case does not match its journal (it was edited outside the engine): the engine will not act on it. */
  | 'integrity'
  /**
   * The store could not be reached or went away mid-way. A write may or may not have landed: retry
   * with the same commandId, which returns the first result if it did.
   */
  | 'unavailable';

export interface FieldIssue {
  /** JSON pointer-like path of the offending field, e.g. `/species/0/count`. */
  path: string;
  message: string;
  messageZh?: string;
}

const titles: Record<EngineErrorCode, { zh: string; en: string }> = {
  forbidden: { zh: '无权执行此操作', en: 'Forbidden' },
  'not-allowed-in-state': { zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
  'rule-refused': { zh: '不符合办理条件', en: 'A rule of this procedure is not met' },
  'invalid-data': { zh: '提交的数据不符合表单要求', en: 'Submitted data does not satisfy the form' },
  'invalid-input': { zh: '调用参数无效', en: 'Invalid input' },
  'invalid-definition': { zh: '流程定义无效', en: 'Invalid workflow definition' },
  conflict: { zh: '数据已被他人修改，请刷新后重试', en: 'Conflict: the case was changed by someone else; reload and retry' },
  'not-found': { zh: '未找到', en: 'Not found' },
  'unknown-workflow': { zh: '未注册的流程', en: 'Unknown workflow' },
  'already-exists': { zh: '已存在', en: 'Already exists' },
  integrity: { zh: '案件记录与其办理流水不一致，已停止办理，请联系管理员核查', en: 'The case record does not match its journal; it will not be acted on until an administrator checks it' },
  unavailable: { zh: '数据库暂时无法访问，请稍后重试', en: 'The database is unavailable; retry later' },
};

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  readonly messageZh: string;
  readonly details: Record<string, unknown>;

  constructor(
    code: EngineErrorCode,
    reason: { en: string; zh: string },
    details: Record<string, unknown> = {},
  ) {
    super(`${titles[code].en}: ${reason.en}`);
    this.code = code;
    this.messageZh = `${titles[code].zh}：${reason.zh}`;
    this.details = details;
  }

  /** Plain JSON form, safe to store as a command result or send over a wire. */
  toJSON(): { code: EngineErrorCode; message: string; messageZh: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, messageZh: this.messageZh, details: this.details };
  }
}

export function isEngineError(value: unknown, code?: EngineErrorCode): value is EngineError {
  return value instanceof EngineError && (code === undefined || value.code === code);
}
