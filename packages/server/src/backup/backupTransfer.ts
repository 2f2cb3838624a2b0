/**
 * Export and restore of the server's shared record (see `backupFormat.ts`).
 *
 * Export reads every table in one REPEATABLE READ transaction: one moment, even while people work.
 * Restore checks the whole file first (shape, every hash chain), then in ONE transaction replaces the
 * engine's cases with the backup's and adds the forms, organisations and farms this server lacks,
 * through the same stores (and so the same checks) as the admin and designer routes; the certificate
 * register is replaced too, and the file's public keys added so every printed certificate still verifies. A record this
 * server holds differently (another text under a form's version number, another name for a farm) is
 * refused, naming it: a restore never silently overwrites the registry. Anything refused rolls back all.
 */
import { isDeepStrictEqual } from 'node:util';
import { PublishError } from '@nongan/designer';
import { toChinaDate, type Engine } from '@nongan/engine';
import { readDump, writeDump, type SqlClient } from '@nongan/engine/postgres';
import { createPostgresDesignerStore } from '../designs/postgresDesignerStore.js';
import { OrganisationStore, type Organisation } from '../directory/organisations.js';
import { SubjectRegistry, type Subject } from '../directory/subjects.js';
import { ApiError, apiError } from '../http/errors.js';
import { exportCertificates, forgedCertificates, restoreCertificates, unreadableKey } from '../certificates/certificateBackup.js';
import { checkServerBackup, SERVER_BACKUP_FORMAT, SERVER_BACKUP_VERSION, type ServerBackup } from './backupFormat.js';

export interface RestoreSummary {
  instances: number;
  journal: number;
  timers: number;
  outbox: number;
  /** Added to this server / already here, identical. */
  designs: { added: number; kept: number };
  organisations: { added: number; kept: number };
  subjects: { added: number; kept: number };
  certificateKeys: { added: number; kept: number };
  certificates: number;
}

export async function exportServerData(db: SqlClient, now: () => number = Date.now): Promise<ServerBackup> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return {
      format: SERVER_BACKUP_FORMAT,
      version: SERVER_BACKUP_VERSION,
      exportedAt: new Date(now()).toISOString(),
      engine: await readDump(tx),
      designs: await createPostgresDesignerStore(tx).allVersions(),
      organisations: await new OrganisationStore(tx).list(),
      subjects: await new SubjectRegistry(tx).all(),
      ...(await exportCertificates(tx).then(({ keys, certificates }) => ({ certificateKeys: keys, certificates }))),
    };
  });
}

function refusedFile(problems: Array<{ path: string; message: string; messageZh: string }>): ApiError {
  const first = problems[0]!;
  const more = problems.length > 1 ? { en: ` (and ${problems.length - 1} more)`, zh: `（另有 ${problems.length - 1} 处）` } : { en: '', zh: '' };
  return apiError(
    'invalid-input',
    `the backup was refused, nothing was changed: ${first.message}${more.en}`,
    `备份未通过校验，未做任何更改：${first.messageZh}${more.zh}`,
    { path: first.path, problems },
  );
}

function differs(what: { en: string; zh: string }, path: string): ApiError {
  return apiError(
    'conflict',
    `the backup was refused, nothing was changed: ${what.en} is on this server with different contents`,
    `备份未恢复，未做任何更改：本服务器上的${what.zh}与备份中的内容不同`,
    { path },
  );
}

/** A record's refusal by its store; where it is in the file goes into `details.path` (not the sentence people read). */
async function at<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof PublishError) {
      const en = error.message.startsWith(`${error.messageZh} / `) ? error.message.slice(error.messageZh.length + 3) : error.message;
      throw apiError('invalid-input', `the backup was refused, nothing was changed: ${en}`, `备份未恢复，未做任何更改：${error.messageZh}`, { path });
    }
    if (error instanceof ApiError) {
      throw apiError(error.code, `the backup was refused, nothing was changed: ${error.text.en}`, `备份未恢复，未做任何更改：${error.text.zh}`, { ...error.details, path });
    }
    throw error;
  }
}

const organisationOf = (o: Organisation): Organisation => ({ id: o.id, name: { zh: o.name.zh, en: o.name.en }, kind: o.kind, region: o.region, division: o.division, parentId: o.parentId });
const subjectOf = (s: Subject): Subject => ({ id: s.id, uscc: s.uscc, name: s.name, region: s.region, division: s.division });

/** Parents before children, whatever the file's order (a parent missing from both is the store's refusal). */
function parentsFirst(organisations: readonly Organisation[]): Organisation[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const placed = new Set<string>();
  const order: Organisation[] = [];
  const place = (o: Organisation, depth: number) => {
    if (placed.has(o.id) || depth > organisations.length) return;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(o.id);
    order.push(o);
  };
  for (const o of organisations) place(o, 0);
  return order;
}

/**
 * `engine` checks the cases: every hash chain, and every case replayed through its workflow against its
 * record and deadlines (a forged state or a certificate issued on a forged case is refused).
 */
export async function restoreServerData(db: SqlClient, file: unknown, engine: Pick<Engine, 'checkDump'>, now: () => number = Date.now): Promise<RestoreSummary> {
  const check = checkServerBackup(file);
  if (!check.ok) throw refusedFile(check.problems);
  const { backup } = check;
  const badKey = unreadableKey(backup.certificateKeys);
  if (badKey) throw refusedFile([{ path: badKey, message: 'not a published Ed25519 key', messageZh: '不是有效的 Ed25519 公钥' }]);
  const chainProblems = await engine.checkDump(backup.engine, 20);
  if (chainProblems.length > 0) throw refusedFile(chainProblems.map((p) => ({ ...p, path: `/engine${p.path}` })));
  const forged = await forgedCertificates(backup.engine, backup.subjects, backup.certificateKeys, backup.certificates);
  if (forged.length > 0) throw refusedFile(forged);

  return db.transaction(async (tx) => {
    const summary: RestoreSummary = {
      instances: backup.engine.instances.length,
      journal: backup.engine.journal.length,
      timers: backup.engine.timers.length,
      outbox: backup.engine.outbox.length,
      designs: { added: 0, kept: 0 },
      organisations: { added: 0, kept: 0 },
      subjects: { added: 0, kept: 0 },
      certificateKeys: { added: 0, kept: 0 },
      certificates: backup.certificates.length,
    };
    const designs = createPostgresDesignerStore(tx);
    for (const [i, record] of backup.designs.entries()) {
      const outcome = await at(`/designs/${i}`, () => designs.restoreVersion(record));
      if (outcome === 'different') throw differs({ en: `version ${record.version} of form ${record.docId}`, zh: `表单 ${record.docId} 的版本 ${record.version}` }, `/designs/${i}`);
      summary.designs[outcome === 'added' ? 'added' : 'kept'] += 1;
    }
    const organisations = new OrganisationStore(tx);
    for (const listed of parentsFirst(backup.organisations)) {
      const org = organisationOf(listed);
      const path = `/organisations/${backup.organisations.indexOf(listed)}`;
      const held = await organisations.get(org.id);
      if (held && !isDeepStrictEqual(held, org)) throw differs({ en: `organisation ${org.name.en}`, zh: `机构“${org.name.zh}”` }, path);
      if (held) summary.organisations.kept += 1;
      else {
        await at(path, () => organisations.create(org));
        summary.organisations.added += 1;
      }
    }
    const subjects = new SubjectRegistry(tx);
    for (const [i, listed] of backup.subjects.entries()) {
      const subject = subjectOf(listed);
      const held = await subjects.get(subject.id);
      if (held && !isDeepStrictEqual(held, subject)) throw differs({ en: `farm ${subject.name}`, zh: `主体“${subject.name}”` }, `/subjects/${i}`);
      if (held) summary.subjects.kept += 1;
      else {
        await at(`/subjects/${i}`, () => subjects.create(subject));
        summary.subjects.added += 1;
      }
    }
    await writeDump(tx, backup.engine, { replace: true });
    summary.certificateKeys = await restoreCertificates(tx, backup.certificateKeys, backup.certificates, toChinaDate(now()), now());
    return summary;
  });
}
