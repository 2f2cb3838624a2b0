/**
 * The server's backup file: the engine's cases (a store dump: instances, hash-chained journals,
 * deadlines, messages), the published forms, the organisations, the farm registry, and the certificate
 * register with the authorities' public keys (never a private key). Accounts,
 * sessions and the audit log are not in it: a backup moves the shared record, not who may sign in
 * (an administrator restoring onto a new server keeps that server's accounts).
 *
 * `checkServerBackup` is the gate on restore: pure and total, any value in, a typed backup or the
 * list of what is wrong (paths into the file, Chinese and English). Hash chains are checked after it
 * (`verifyDump`), the business rules of each record when it is written (the registry's own checks).
 */
import { checkDumpShape, type DumpProblem, type StoreDump } from '@nongan/engine';
import type { VersionRecord } from '@nongan/designer';
import type { Organisation } from '../directory/organisations.js';
import type { Subject } from '../directory/subjects.js';
import type { BackedUpCertificate, BackedUpKey } from '../certificates/certificateBackup.js';

export const SERVER_BACKUP_FORMAT = 'nongan-server-backup';
export const SERVER_BACKUP_VERSION = 1;
/** The restore route's body limit: a county's years of cases fit; a wrong file is refused unread. */
export const MAX_SERVER_BACKUP_BYTES = 512 * 1024 * 1024;
const MAX_PROBLEMS = 20;

export interface ServerBackup {
  format: typeof SERVER_BACKUP_FORMAT;
  version: typeof SERVER_BACKUP_VERSION;
  exportedAt: string;
  engine: StoreDump;
  designs: VersionRecord[];
  organisations: Organisation[];
  subjects: Subject[];
  certificateKeys: BackedUpKey[];
  certificates: BackedUpCertificate[];
}

export type ServerBackupCheck = { ok: true; backup: ServerBackup } | { ok: false; problems: DumpProblem[] };

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isString = (v: unknown): v is string => typeof v === 'string';
const isLocalText = (v: unknown) => isRecord(v) && isText(v.zh) && isText(v.en);

const orNull = (test: (v: unknown) => boolean) => (v: unknown) => v === null || test(v);
const RECORD_FIELDS: Record<'designs' | 'organisations' | 'subjects' | 'certificateKeys' | 'certificates', Record<string, (v: unknown) => boolean>> = {
  designs: { docId: isText, version: isText, effectiveFrom: isText, note: isString, publishedAt: isText, doc: isRecord },
  organisations: { id: isText, name: isLocalText, kind: isText, region: isText, division: isText, parentId: (v) => v === null || isText(v) },
  subjects: { id: isText, uscc: isText, name: isText, region: isText, division: isText },
  certificateKeys: { kid: isText, authority: isText, publicJwk: isRecord, validFrom: isText, validUntil: orNull(isText), revokedFrom: orNull(isText), revokedReason: orNull(isString) },
  certificates: { number: isText, instanceId: isText, authority: isText, kid: isText, token: isText, issuedOn: isText },
};
/** What makes a record unique in its list. */
const IDENTITY: Record<keyof typeof RECORD_FIELDS, (item: Rec) => string> = {
  designs: (item) => `${String(item.docId)}@${String(item.version)}`,
  organisations: (item) => String(item.id),
  subjects: (item) => String(item.id),
  certificateKeys: (item) => String(item.kid),
  certificates: (item) => String(item.number),
};

export function checkServerBackup(value: unknown): ServerBackupCheck {
  const problems: DumpProblem[] = [];
  const add = (path: string, message: string, messageZh: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message, messageZh });
  };
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: 'not a backup: expected a JSON object', messageZh: '不是备份文件：应为 JSON 对象' }] };
  if (value.format !== SERVER_BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: '/format', message: `not a Nong'an server backup (format must be ${SERVER_BACKUP_FORMAT})`, messageZh: `不是农安服务器备份文件（format 应为 ${SERVER_BACKUP_FORMAT}）` }] };
  }
  if (value.version !== SERVER_BACKUP_VERSION) {
    add('/version', `unsupported backup version ${String(value.version)} (this server reads version ${SERVER_BACKUP_VERSION})`, `不支持的备份版本 ${String(value.version)}（本服务器读取第 ${SERVER_BACKUP_VERSION} 版）`);
  }
  if (!isText(value.exportedAt)) add('/exportedAt', 'missing export time', '缺少导出时间');
  for (const problem of checkDumpShape(value.engine, MAX_PROBLEMS)) add(`/engine${problem.path}`, problem.message, problem.messageZh);
  for (const [list, fields] of Object.entries(RECORD_FIELDS)) {
    const items = value[list];
    if (!Array.isArray(items)) {
      add(`/${list}`, 'must be a list', '必须是列表');
      continue;
    }
    const keys = new Set<string>();
    items.forEach((item: unknown, i) => {
      if (!isRecord(item)) return add(`/${list}/${i}`, 'must be an object', '必须是对象');
      for (const [key, test] of Object.entries(fields)) {
        if (!test(item[key])) add(`/${list}/${i}/${key}`, 'missing or of the wrong type', '缺失或类型不对');
      }
      const key = IDENTITY[list as keyof typeof RECORD_FIELDS](item);
      if (keys.has(key)) add(`/${list}/${i}`, `${key} appears twice`, `${key} 重复`);
      keys.add(key);
    });
  }
  if (problems.length === 0) {
    // Every certificate names a key of the file (a restored server must be able to verify it).
    const kids = new Set((value.certificateKeys as Rec[]).map((k) => k.kid));
    (value.certificates as Rec[]).forEach((c, i) => {
      if (!kids.has(c.kid)) add(`/certificates/${i}/kid`, `certificate ${String(c.number)} names a key that is not in the file`, `合格证 ${String(c.number)} 的签名密钥不在备份文件中`);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, backup: value as unknown as ServerBackup };
}
