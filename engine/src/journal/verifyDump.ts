/**
 * Checks a whole-store dump before anything of it is written (a restore, a bulk import): every case's
 * journal must verify against the head the case records (an edited, cut or reordered history is
 * refused), and every journal entry, timer and message must belong to a case in the dump.
 */
import type { StoreDump } from '../store/store.js';
import type { JournalEntry } from '../types.js';
import { verifyJournal } from './journal.js';

export interface DumpProblem {
  /** Where in the dump, e.g. `/journal/case-1/3`. */
  path: string;
  message: string;
  messageZh: string;
}

export async function verifyDump(dump: StoreDump, maxProblems = 50): Promise<DumpProblem[]> {
  const problems: DumpProblem[] = [];
  const add = (path: string, en: string, zh: string) => problems.push({ path, message: en, messageZh: zh });
  const ids = new Set<string>();
  for (const instance of dump.instances) {
    if (ids.has(instance.id)) add(`/instances/${instance.id}`, `case ${instance.id} appears twice`, `案件 ${instance.id} 出现两次`);
    ids.add(instance.id);
  }
  const journals = new Map<string, JournalEntry[]>();
  for (const entry of dump.journal) {
    if (!ids.has(entry.instanceId)) add(`/journal/${entry.instanceId}/${entry.seq}`, `journal entry ${entry.seq} belongs to case ${entry.instanceId}, which is not in the dump`, `第 ${entry.seq} 条记录所属案件 ${entry.instanceId} 不在导入数据中`);
    const list = journals.get(entry.instanceId) ?? [];
    list.push(entry);
    journals.set(entry.instanceId, list);
  }
  for (const timer of dump.timers) {
    if (!ids.has(timer.instanceId)) add(`/timers/${timer.id}`, `deadline ${timer.id} belongs to case ${timer.instanceId}, which is not in the dump`, `期限 ${timer.id} 所属案件 ${timer.instanceId} 不在导入数据中`);
  }
  for (const message of dump.outbox) {
    if (!ids.has(message.sourceInstanceId)) add(`/outbox/${message.id}`, `message ${message.id} comes from case ${message.sourceInstanceId}, which is not in the dump`, `消息 ${message.id} 的来源案件 ${message.sourceInstanceId} 不在导入数据中`);
  }
  for (const instance of dump.instances) {
    if (problems.length >= maxProblems) break;
    const entries = (journals.get(instance.id) ?? []).sort((a, b) => a.seq - b.seq);
    const result = await verifyJournal(entries, instance.journalHead);
    for (const problem of result.problems) {
      add(`/journal/${instance.id}/${problem.seq}`, `case ${instance.id}: ${problem.message}`, `案件 ${instance.id}：${problem.messageZh}`);
    }
  }
  return problems.slice(0, maxProblems);
}
