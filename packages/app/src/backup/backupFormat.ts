/**
 * The backup file: everything the portal keeps in this browser, as one JSON document. `checkBackup`
 * is the gate on import — pure and total: any value in, either a typed backup or the list of what is
 * wrong with it (in Chinese and English). The hash chains are checked separately (`verifyBackupJournals`)
 * because hashing is asynchronous.
 */
import { checkDumpShape, type Engine, type StoreDump } from '@nongan/engine';
import type { Farm } from '../shell/farms.js';

export const BACKUP_FORMAT = 'nongan-portal-backup';
export const BACKUP_VERSION = 1;
/** Files larger than this are refused before parsing (a tab should not freeze on a wrong file). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export interface PublishedDesign {
  docId: string;
  version: string;
  effectiveFrom: string;
  note: string;
  publishedAt: string;
  doc: unknown;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** The demo clock (ms since the epoch). */
  clock: number;
  engine: StoreDump;
  farms: Farm[];
  designs: PublishedDesign[];
}

export interface BackupProblem {
  path: string;
  message: string;
  messageZh: string;
}

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problems: BackupProblem[] };

const MAX_PROBLEMS = 20;

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

class Problems {
  readonly list: BackupProblem[] = [];
  add(path: string, en: string, zh: string) {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ path, message: en, messageZh: zh });
  }
  get full() {
    return this.list.length >= MAX_PROBLEMS;
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

const farmFields = { id: isText, region: isText, name: isText, registeredAt: isText };
const designFields = { docId: isText, version: isText, effectiveFrom: isText, note: (v: unknown) => typeof v === 'string', publishedAt: isText, doc: isRecord };

/** The engine part is a store dump: its shape is the engine's own check, paths under `/engine`. */
function checkEngine(p: Problems, value: unknown): void {
  for (const problem of checkDumpShape(value, MAX_PROBLEMS)) p.add(`/engine${problem.path}`, problem.message, problem.messageZh);
}

/** Checks a parsed backup file. */
export function checkBackup(value: unknown): BackupCheck {
  const p = new Problems();
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', message: 'not a backup file: expected a JSON object', messageZh: '不是备份文件：应为 JSON 对象' }] };
  if (value.format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: '/format', message: `not a Nong'an portal backup (format must be ${BACKUP_FORMAT})`, messageZh: `不是农安门户备份文件（format 应为 ${BACKUP_FORMAT}）` }] };
  }
  if (value.version !== BACKUP_VERSION) {
    p.add('/version', `unsupported backup version ${String(value.version)} (this portal reads version ${BACKUP_VERSION})`, `不支持的备份版本 ${String(value.version)}（本门户读取第 ${BACKUP_VERSION} 版）`);
  }
  if (!isText(value.exportedAt)) p.add('/exportedAt', 'missing export time', '缺少导出时间');
  if (!isTime(value.clock) || !Number.isSafeInteger(value.clock)) p.add('/clock', 'demo clock must be a time in milliseconds', '演示时钟须为毫秒时间');
  checkEngine(p, value.engine);
  checkArray(p, value.farms, '/farms').forEach((item, i) => !p.full && requireFields(p, item, `/farms/${i}`, farmFields));
  checkArray(p, value.designs, '/designs').forEach((item, i) => !p.full && requireFields(p, item, `/designs/${i}`, designFields));
  return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, backup: value as unknown as Backup };
}

/** Parses and checks file text; JSON syntax errors are reported like any other problem. */
export function parseBackup(textContent: string): BackupCheck {
  if (typeof textContent !== 'string') return { ok: false, problems: [{ path: '', message: 'backup must be text', messageZh: '备份须为文本' }] };
  if (textContent.length > MAX_BACKUP_BYTES) {
    return { ok: false, problems: [{ path: '', message: 'file too large for a backup', messageZh: '文件过大，不是备份文件' }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(textContent);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}`, messageZh: '不是有效的 JSON 文件' }] };
  }
  return checkBackup(value);
}

/**
 * The engine's whole dump check: every case's hash chain, and every case replayed through its workflow
 * against its stored record and deadlines, so an edited file (a forged state, a moved deadline) is refused.
 */
export async function verifyBackupJournals(engine: Pick<Engine, 'checkDump'>, backup: Backup): Promise<BackupProblem[]> {
  const problems = await engine.checkDump(backup.engine, MAX_PROBLEMS);
  return problems.map((p) => ({ ...p, path: `/engine${p.path}` }));
}
