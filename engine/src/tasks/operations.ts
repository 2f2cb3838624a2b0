/**
 * The task operations of Chinese approval systems, as a caller sends them to `engine.operate`, and
 * their check: every field is validated here and a wrong one is named, in Chinese and English.
 */
import { EngineError } from '../errors.js';
import { assertId, assertJson } from '../runtime/validateInput.js';
import type { Opinion } from './work.js';

export type TaskOperation =
  | { op: 'claim' }
  | { op: 'release' }
  | { op: 'assign'; to: string; opinion?: Opinion }
  | { op: 'transfer'; to: string; opinion?: Opinion }
  | { op: 'delegate'; to: string; opinion?: Opinion }
  | { op: 'resolve'; opinion: Opinion }
  | { op: 'return'; to: string; opinion: Opinion }
  | { op: 'withdraw'; opinion?: Opinion }
  | { op: 'countersign'; signers?: readonly string[]; draw?: number; opinion?: Opinion }
  | { op: 'vote'; decision?: 'agree' | 'disagree'; data?: Record<string, unknown>; opinion: Opinion }
  | { op: 'add-signer'; person: string; opinion?: Opinion }
  | { op: 'remove-signer'; person: string; opinion?: Opinion }
  | { op: 'copy'; to: readonly string[]; opinion?: Opinion }
  | { op: 'read' }
  | { op: 'chase'; opinion?: Opinion }
  /** Only the engine escalates, when a deadline declared so passes. */
  | { op: 'escalate' };

export type TaskOperationName = TaskOperation['op'];

/** What people read for each operation (buttons, the timeline, the approval sheet). */
export const TASK_OPERATION_LABELS: Record<TaskOperationName, { zh: string; en: string }> = {
  claim: { zh: '认领', en: 'Claim' },
  release: { zh: '释放认领', en: 'Release' },
  assign: { zh: '指派', en: 'Assign' },
  transfer: { zh: '转办', en: 'Transfer' },
  delegate: { zh: '委派', en: 'Delegate' },
  resolve: { zh: '办理完毕交回', en: 'Hand back' },
  return: { zh: '退回', en: 'Return' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  countersign: { zh: '发起会签', en: 'Start countersign' },
  vote: { zh: '会签意见', en: 'Vote' },
  'add-signer': { zh: '加签', en: 'Add signer' },
  'remove-signer': { zh: '减签', en: 'Remove signer' },
  copy: { zh: '抄送', en: 'Copy to' },
  read: { zh: '已阅', en: 'Mark read' },
  chase: { zh: '催办', en: 'Chase' },
  escalate: { zh: '超期上报', en: 'Escalate' },
};

export const TASK_OPERATIONS = Object.keys(TASK_OPERATION_LABELS) as TaskOperationName[];

/** Journal event type of an operation: never a workflow event (those have no dot). */
export const taskEventType = (op: TaskOperationName): string => `task.${op}`;
export const operationOfEventType = (type: string): TaskOperationName | undefined => {
  const name = type.startsWith('task.') ? type.slice(5) : '';
  return (TASK_OPERATIONS as string[]).includes(name) ? (name as TaskOperationName) : undefined;
};

export const MAX_OPINION_LENGTH = 2000;
const MAX_PEOPLE = 50;

function bad(en: string, zh: string, path: string): EngineError {
  return new EngineError('invalid-input', { en, zh }, { path });
}

export function assertOpinion(value: unknown, path: string, required: boolean): void {
  if (value === undefined) {
    if (required) throw bad(`${path}: this operation needs an opinion (its reason)`, `${path}：此操作须填写意见（理由）`, path);
    return;
  }
  const o = value as Opinion;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw bad(`${path} must be { text, attachments? }`, `${path} 须为 { text, attachments? }`, path);
  const extra = Object.keys(o).filter((k) => k !== 'text' && k !== 'attachments');
  if (extra.length > 0) throw bad(`${path} has unknown keys ${extra.join(', ')}`, `${path} 含有未知字段 ${extra.join('、')}`, path);
  if (typeof o.text !== 'string' || (required && o.text.trim() === '')) throw bad(`${path}.text must be text${required ? ' and not empty' : ''}`, `${path}.text 须为${required ? '非空' : ''}文字`, `${path}.text`);
  if (o.text.length > MAX_OPINION_LENGTH) throw bad(`${path}.text is ${o.text.length} characters; at most ${MAX_OPINION_LENGTH}`, `${path}.text 为 ${o.text.length} 字，上限 ${MAX_OPINION_LENGTH} 字`, `${path}.text`);
  if (o.attachments !== undefined) {
    if (!Array.isArray(o.attachments) || o.attachments.length > 20) throw bad(`${path}.attachments must be a list of at most 20 { name, ref }`, `${path}.attachments 须为不超过 20 项的 { name, ref } 列表`, `${path}.attachments`);
    o.attachments.forEach((a, i) => {
      if (typeof a?.name !== 'string' || a.name === '' || typeof a.ref !== 'string' || a.ref === '' || Object.keys(a).length !== 2) {
        throw bad(`${path}.attachments/${i} must be { name, ref } (non-empty text)`, `${path}.attachments/${i} 须为 { name, ref }（非空文字）`, `${path}.attachments/${i}`);
      }
    });
  }
}

const FIELDS: Record<TaskOperationName, readonly string[]> = {
  claim: [],
  release: [],
  assign: ['to', 'opinion'],
  transfer: ['to', 'opinion'],
  delegate: ['to', 'opinion'],
  resolve: ['opinion'],
  return: ['to', 'opinion'],
  withdraw: ['opinion'],
  countersign: ['signers', 'draw', 'opinion'],
  vote: ['decision', 'data', 'opinion'],
  'add-signer': ['person', 'opinion'],
  'remove-signer': ['person', 'opinion'],
  copy: ['to', 'opinion'],
  read: [],
  chase: ['opinion'],
  escalate: [],
};

export function assertOperation(value: unknown): asserts value is TaskOperation {
  const op = value as Record<string, unknown>;
  if (typeof op !== 'object' || op === null || Array.isArray(op)) throw bad('operation must be an object { op, … }', '操作须为对象 { op, … }', 'operation');
  if (typeof op.op !== 'string' || !(op.op in FIELDS)) {
    throw bad(`operation.op must be one of ${TASK_OPERATIONS.join(', ')}`, `operation.op 须为以下之一：${TASK_OPERATIONS.map((o) => TASK_OPERATION_LABELS[o].zh).join('、')}`, 'operation.op');
  }
  const name = op.op as TaskOperationName;
  const extra = Object.keys(op).filter((k) => k !== 'op' && !FIELDS[name].includes(k));
  if (extra.length > 0) throw bad(`${name} has unknown keys ${extra.join(', ')}`, `${TASK_OPERATION_LABELS[name].zh}操作含有未知字段 ${extra.join('、')}`, 'operation');
  if (FIELDS[name].includes('opinion')) assertOpinion(op.opinion, 'operation.opinion', name === 'resolve' || name === 'return' || name === 'vote');
  if (name === 'assign' || name === 'transfer' || name === 'delegate' || name === 'return') assertId(op.to, 'operation.to');
  if (name === 'add-signer' || name === 'remove-signer') assertId(op.person, 'operation.person');
  if (name === 'copy') {
    if (!Array.isArray(op.to) || op.to.length === 0 || op.to.length > MAX_PEOPLE) throw bad(`copy.to must list 1–${MAX_PEOPLE} people`, `抄送对象须为 1–${MAX_PEOPLE} 人`, 'operation.to');
    op.to.forEach((id, i) => assertId(id, `operation.to/${i}`));
  }
  if (name === 'countersign') {
    const hasList = op.signers !== undefined;
    if (hasList === (op.draw !== undefined)) throw bad('countersign needs either signers (a list of people) or draw (how many to draw), not both', '发起会签须指定会签人名单（signers）或抽取人数（draw），二者选一', 'operation');
    if (hasList) {
      if (!Array.isArray(op.signers) || op.signers.length === 0 || op.signers.length > MAX_PEOPLE) throw bad(`countersign.signers must list 1–${MAX_PEOPLE} people`, `会签人须为 1–${MAX_PEOPLE} 人`, 'operation.signers');
      op.signers.forEach((id, i) => assertId(id, `operation.signers/${i}`));
      if (new Set(op.signers).size !== op.signers.length) throw bad('countersign.signers names someone twice', '会签人名单有重复', 'operation.signers');
    } else if (!Number.isInteger(op.draw) || (op.draw as number) < 1 || (op.draw as number) > MAX_PEOPLE) {
      throw bad(`countersign.draw must be a whole number 1–${MAX_PEOPLE}`, `抽取人数须为 1–${MAX_PEOPLE} 的整数`, 'operation.draw');
    }
  }
  if (name === 'vote') {
    if (op.decision !== undefined && op.decision !== 'agree' && op.decision !== 'disagree') throw bad("vote.decision must be 'agree' or 'disagree'", '会签意见须为同意或不同意', 'operation.decision');
    if (op.data !== undefined) {
      if (typeof op.data !== 'object' || op.data === null || Array.isArray(op.data)) throw bad('vote.data must be an object', '会签数据须为对象', 'operation.data');
      assertJson(op.data, '/data');
    }
  }
}
