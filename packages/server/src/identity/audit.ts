/** The audit log: every sign-in, failed sign-in, sign-out and permission change, with who, from where, when. */
import type { SqlQueryable } from '@nongan/engine/postgres';

export type AuditKind =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'account-created'
  | 'permission-changed'
  | 'password-link-issued'
  | 'password-set'
  | 'totp-enabled'
  | 'totp-disabled'
  | 'account-unlocked'
  | 'organisation-created'
  | 'subject-registered'
  | 'form-published'
  | 'backup-exported'
  | 'backup-restored'
  | 'certificate-key-rotated'
  | 'certificate-key-revoked';

/** What each kind of audit entry is called on an administrator's screen. */
export const AUDIT_KIND_LABELS: Record<AuditKind, { zh: string; en: string }> = {
  'sign-in': { zh: '登录', en: 'Signed in' },
  'sign-in-failed': { zh: '登录失败', en: 'Sign-in failed' },
  'sign-out': { zh: '退出登录', en: 'Signed out' },
  'sign-out-everywhere': { zh: '在所有设备上退出', en: 'Signed out everywhere' },
  'account-created': { zh: '创建账号', en: 'Account created' },
  'permission-changed': { zh: '权限变更', en: 'Permissions changed' },
  'password-link-issued': { zh: '发出设置密码链接', en: 'Password link issued' },
  'password-set': { zh: '设置密码', en: 'Password set' },
  'totp-enabled': { zh: '启用动态口令', en: 'Authenticator enabled' },
  'totp-disabled': { zh: '停用动态口令', en: 'Authenticator disabled' },
  'account-unlocked': { zh: '解除锁定', en: 'Account unlocked' },
  'organisation-created': { zh: '创建机构', en: 'Organisation created' },
  'subject-registered': { zh: '登记主体', en: 'Farm registered' },
  'form-published': { zh: '发布表单', en: 'Form published' },
  'backup-exported': { zh: '导出服务器备份', en: 'Server backup exported' },
  'backup-restored': { zh: '恢复服务器备份', en: 'Server backup restored' },
  'certificate-key-rotated': { zh: '更换合格证签名密钥', en: 'Certificate signing key rotated' },
  'certificate-key-revoked': { zh: '吊销合格证签名密钥', en: 'Certificate signing key revoked' },
};

export interface AuditEntry {
  kind: AuditKind;
  accountId?: string | null;
  login?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
}

export class AuditLog {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.query('INSERT INTO nongan_audit (at, kind, account_id, login, address, detail) VALUES ($1, $2, $3, $4, $5, $6::json)', [
      this.now(),
      entry.kind,
      entry.accountId ?? null,
      entry.login ?? null,
      entry.address ?? null,
      JSON.stringify(entry.detail ?? {}),
    ]);
  }

  /** Newest first; `accountId` narrows to one account's entries. */
  async recent(limit = 100, offset = 0, accountId?: string): Promise<Array<AuditEntry & { at: number }>> {
    const { rows } = await this.db.query<{ at: number; kind: AuditKind; account_id: string | null; login: string | null; address: string | null; detail: Record<string, unknown> }>(
      'SELECT at, kind, account_id, login, address, detail FROM nongan_audit WHERE $3::text IS NULL OR account_id = $3 ORDER BY id DESC LIMIT $1 OFFSET $2',
      [limit, offset, accountId ?? null],
    );
    return rows.map((r) => ({ at: r.at, kind: r.kind, accountId: r.account_id, login: r.login, address: r.address, detail: r.detail }));
  }
}
