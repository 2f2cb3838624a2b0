/**
 * The shape of a whole-store dump, checked before anything else reads it (a backup file, a restore
 * request): pure and total — any value in, the list of what is wrong (in Chinese and English), paths
 * relative to the dump (`/instances/0/id`). The hash chains are checked by `verifyDump`.
 */
import type { DumpProblem } from './verifyDump.js';

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

class Problems {
  readonly list: DumpProblem[] = [];
  constructor(private readonly max: number) {}
  add(path: string, en: string, zh: string) {
    if (this.list.length < this.max) this.list.push({ path, message: en, messageZh: zh });
  }
  get full() {
    return this.list.length >= this.max;
  }
}

function checkArray(p: Problems, value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) {
    p.add(path, 'must be a list', '必须是列表');
    return [];
  }
  return value;
}

function requireFields(p: Problems, value: unknown, path: string, fields: Record<string, (v: unknown) => boolean>): value is Rec {
  if (!isRecord(value)) {
    p.add(path, 'must be an object', '必须是对象');
    return false;
  }
  let ok = true;
  for (const [key, test] of Object.entries(fields)) {
    if (!test(value[key])) {
      p.add(`${path}/${key}`, 'missing or of the wrong type', '缺失或类型不对');
      ok = false;
    }
  }
  return ok;
}

const instanceFields = {
  id: isText,
  workflowId: isText,
  workflowVersion: isCount,
  region: isText,
  subject: isText,
  status: (v: unknown) => v === 'active' || v === 'done',
  stateKey: isText,
  revision: isCount,
  journalHead: (v: unknown) => isRecord(v) && isCount(v.seq) && typeof v.hash === 'string',
  acceptedEvents: Array.isArray,
  taskKeys: Array.isArray,
  timers: Array.isArray,
  pins: isRecord,
  createdAt: isTime,
  updatedAt: isTime,
};
const journalFields = {
  instanceId: isText,
  seq: isCount,
  kind: (v: unknown) => ['start', 'event', 'timer', 'message', 'migrate', 'task'].includes(v as string),
  at: isTime,
  actor: (v: unknown) => isRecord(v) && isText(v.id) && isText(v.role),
  event: (v: unknown) => isRecord(v) && isText(v.type),
  commandId: isText,
  prevHash: isText,
  hash: isText,
};
const timerFields = { id: isText, instanceId: isText, statePath: isText, event: isText, dueAt: isTime };
const checkpointFields = {
  seq: (v: unknown) => isCount(v) && (v as number) >= 1,
  at: isTime,
  keyId: isText,
  prevHash: isText,
  heads: (v: unknown) => Array.isArray(v) && v.every((h) => isRecord(h) && isText(h.instanceId) && isCount(h.seq) && isText(h.hash)),
  hash: isText,
  signature: isText,
};
const outboxFields = { id: isText, sourceInstanceId: isText, status: (v: unknown) => ['pending', 'delivered', 'undeliverable'].includes(v as string) };

function checkEngine(p: Problems, value: unknown): void {
  if (!isRecord(value)) {
    p.add('', 'must be an object with instances, journal, timers, outbox', '必须是包含 instances、journal、timers、outbox 的对象');
    return;
  }
  const ids = new Set<string>();
  const heads = new Map<string, number>();
  const caseNumbers = new Set<string>();
  checkArray(p, value.instances, '/instances').forEach((item, i) => {
    if (p.full || !requireFields(p, item, `/instances/${i}`, instanceFields)) return;
    const id = item.id as string;
    if (ids.has(id)) p.add(`/instances/${i}/id`, `case ${id} appears twice`, `案件 ${id} 重复`);
    ids.add(id);
    if (item.caseNumber !== undefined) {
      if (!isText(item.caseNumber)) p.add(`/instances/${i}/caseNumber`, 'case number must be text', '受理编号须为文本');
      else if (caseNumbers.has(item.caseNumber)) p.add(`/instances/${i}/caseNumber`, `case number ${item.caseNumber} appears twice`, `受理编号 ${item.caseNumber} 重复`);
      else caseNumbers.add(item.caseNumber);
    }
    heads.set(id, (item.journalHead as { seq: number }).seq);
  });
  const seqs = new Map<string, number>();
  const commands = new Set<string>();
  checkArray(p, value.journal, '/journal').forEach((item, i) => {
    if (p.full || !requireFields(p, item, `/journal/${i}`, journalFields)) return;
    const instanceId = item.instanceId as string;
    if (!ids.has(instanceId)) p.add(`/journal/${i}/instanceId`, `entry of case ${instanceId}, which is not in the dump`, `流水所属案件 ${instanceId} 不在导入数据中`);
    if (commands.has(item.commandId as string)) p.add(`/journal/${i}/commandId`, 'command id appears twice', '命令编号重复');
    commands.add(item.commandId as string);
    seqs.set(instanceId, (seqs.get(instanceId) ?? 0) + 1);
  });
  for (const [id, headSeq] of heads) {
    const count = seqs.get(id) ?? 0;
    if (count !== headSeq) p.add(`/journal`, `case ${id} has ${count} journal entries, its head says ${headSeq}: entries are missing or extra`, `案件 ${id} 有 ${count} 条流水，但记录头为 ${headSeq}：流水缺失或多出`);
  }
  const timerIds = new Set<string>();
  checkArray(p, value.timers, '/timers').forEach((item, i) => {
    if (p.full || !requireFields(p, item, `/timers/${i}`, timerFields)) return;
    if (!ids.has(item.instanceId as string)) p.add(`/timers/${i}/instanceId`, `deadline of case ${String(item.instanceId)}, which is not in the dump`, `期限所属案件 ${String(item.instanceId)} 不在导入数据中`);
    if (timerIds.has(item.id as string)) p.add(`/timers/${i}/id`, 'deadline id appears twice', '期限编号重复');
    timerIds.add(item.id as string);
  });
  const outboxIds = new Set<string>();
  checkArray(p, value.outbox, '/outbox').forEach((item, i) => {
    if (p.full || !requireFields(p, item, `/outbox/${i}`, outboxFields)) return;
    if (outboxIds.has(item.id as string)) p.add(`/outbox/${i}/id`, 'message id appears twice', '消息编号重复');
    outboxIds.add(item.id as string);
  });
  if (value.checkpoints !== undefined) {
    checkArray(p, value.checkpoints, '/checkpoints').forEach((item, i) => void (!p.full && requireFields(p, item, `/checkpoints/${i}`, checkpointFields)));
  }
}

/** What is wrong with the shape of `value` as a store dump (empty when nothing is), at most `maxProblems`. */
export function checkDumpShape(value: unknown, maxProblems = 20): DumpProblem[] {
  const p = new Problems(maxProblems);
  checkEngine(p, value);
  return p.list;
}
