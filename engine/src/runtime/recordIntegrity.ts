/**
 * Before the engine acts on a stored case, the case must be what its journal says: the head entry it
 * names exists with that hash, and the record still hashes to the digest that entry sealed. A case
 * edited in the database (set to `qualified`, its deadline moved) is refused instead of being built on.
 * The full check — replaying the journal — is `verify()`; this is the one read a step can afford.
 */
import { EngineError } from '../errors.js';
import { recordDigest } from '../journal/recordHash.js';
import type { InstanceRecord, JournalEntry } from '../types.js';
import type { EngineContext } from './context.js';

/**
 * The stored case, checked against the entry its head names (one read on stores that can join);
 * undefined when there is no such case, `integrity` when the two do not match.
 */
export async function readChecked(ctx: EngineContext, id: string): Promise<InstanceRecord | undefined> {
  const found = ctx.store.getInstanceWithHead
    ? await ctx.store.getInstanceWithHead(id)
    : await ctx.store.getInstance(id).then(async (record) => record && { record, head: await ctx.store.getJournalEntry(id, record.journalHead.seq) });
  if (found) await assertMatches(found.record, found.head);
  return found?.record;
}

async function assertMatches(record: InstanceRecord, head: JournalEntry | undefined): Promise<void> {
  const { seq, hash } = record.journalHead;
  let reason: { en: string; zh: string } | undefined;
  if (!head || head.hash !== hash) {
    reason = { en: `case ${record.id} names journal entry ${seq} as its last, but the journal has no such entry`, zh: `案件 ${record.id} 记录的最后一条流水（第 ${seq} 条）在流水中不存在或已改变` };
  } else if (head.recordHash !== undefined && head.recordHash !== (await recordDigest(record))) {
    reason = { en: `case ${record.id} was changed after journal entry ${seq} without a journal entry`, zh: `案件 ${record.id} 在第 ${seq} 条流水之后被改动，但没有对应的办理流水` };
  }
  if (reason) throw new EngineError('integrity', reason, { instanceId: record.id, seq });
}
