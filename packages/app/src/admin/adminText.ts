/** What the administration pages say, in both languages. */
import type { Locale } from '../shell/i18n.js';

const texts = {
  title: { zh: '系统管理', en: 'Administration' },
  localOnly: {
    zh: '本门户目前只在本浏览器中运行，没有账号可以管理。连接服务器后，管理员在这里管理账号、机构和审计日志；本浏览器的数据请在“备份”中导出。',
    en: 'This portal is running in this browser only, so there are no accounts to manage. On a server, administrators manage accounts, organisations and the audit log here; export this browser’s data under “Backup”.',
  },
  accounts: { zh: '账号', en: 'Accounts' },
  name: { zh: '姓名', en: 'Name' },
  login: { zh: '登录名', en: 'Login' },
  roles: { zh: '角色', en: 'Roles' },
  organisation: { zh: '所属机构', en: 'Organisation' },
  dataScope: { zh: '数据范围', en: 'Data scope' },
  status: { zh: '状态', en: 'Status' },
  active: { zh: '正常', en: 'Active' },
  disabled: { zh: '已停用', en: 'Disabled' },
  mustChange: { zh: '待修改临时密码', en: 'Must change temporary password' },
  totp: { zh: '已启用动态口令', en: 'Authenticator on' },
  disable: { zh: '停用', en: 'Disable' },
  enable: { zh: '启用', en: 'Enable' },
  unlock: { zh: '解除锁定', en: 'Unlock' },
  unlocked: { zh: '已解除 {name} 的登录锁定。', en: 'Sign-in lock lifted for {name}.' },
  reset: { zh: '重置密码', en: 'Reset password' },
  linkFor: { zh: '请把此链接交给 {name}（一次有效，{until} 前使用）：', en: 'Give this link to {name} (works once, until {until}):' },
  actions: { zh: '操作', en: 'Actions' },
  none: { zh: '—', en: '—' },
  create: { zh: '新建账号', en: 'New account' },
  createButton: { zh: '创建账号', en: 'Create account' },
  temporaryPassword: { zh: '临时密码（留空则生成邀请链接）', en: 'Temporary password (leave empty for an invitation link)' },
  noOrganisation: { zh: '（不属于任何机构）', en: '(no organisation)' },
  created: { zh: '已创建账号 {name}。', en: 'Account {name} created.' },
  audit: { zh: '审计日志（最近 50 条）', en: 'Audit log (latest 50)' },
  when: { zh: '时间', en: 'When' },
  what: { zh: '事件', en: 'Event' },
  who: { zh: '账号', en: 'Account' },
  by: { zh: '操作人', en: 'By' },
  address: { zh: '来源地址', en: 'From address' },
  setPasswordTitle: { zh: '设置密码', en: 'Set your password' },
  setPasswordHelp: { zh: '请设置至少 8 个字符的新密码。此链接只能使用一次。', en: 'Choose a new password of at least 8 characters. This link works once.' },
  newPassword: { zh: '新密码', en: 'New password' },
  repeatPassword: { zh: '再次输入新密码', en: 'New password again' },
  passwordsDiffer: { zh: '两次输入的密码不一致。', en: 'The two passwords differ.' },
  setPasswordButton: { zh: '保存密码', en: 'Save password' },
  passwordSaved: { zh: '密码已保存，请用新密码登录。', en: 'Password saved. Sign in with it now.' },
  serverOnly: { zh: '设置密码需要连接服务器。', en: 'Setting a password needs the server.' },
  goSignIn: { zh: '去登录', en: 'Sign in' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  serverBackup: { zh: '服务器备份与恢复', en: 'Server backup and restore' },
  serverBackupHelp: {
    zh: '备份文件包含本服务器上的全部案件及其流水、已发布的表单、机构和主体名录，不含账号和密码。恢复时先完整校验文件（包括每个案件的防篡改链），然后一次性用文件中的案件替换本服务器上的全部案件，并补充本服务器没有的表单、机构和主体；校验不通过则不做任何更改。',
    en: 'The file holds every case on this server with its journal, the published forms, organisations and the farm registry; not accounts or passwords. A restore first checks the whole file (including every case’s tamper-evident chain), then in one go replaces all cases on this server with the file’s and adds the forms, organisations and farms this server lacks; if any check fails, nothing changes.',
  },
  downloadBackup: { zh: '下载服务器备份', en: 'Download server backup' },
  backupDownloaded: { zh: '已下载备份（{instances} 个案件）。', en: 'Backup downloaded ({instances} cases).' },
  restoreLabel: { zh: '从备份文件恢复服务器', en: 'Restore the server from a backup file' },
  restoreConfirm: {
    zh: '恢复会用备份文件中的案件替换本服务器上的全部案件，所有用户都会看到恢复后的数据。确定继续吗？',
    en: 'Restoring replaces every case on this server with the cases in the file, for everyone. Continue?',
  },
  notJson: { zh: '这不是备份文件：无法读取为 JSON。', en: 'This is not a backup file: it cannot be read as JSON.' },
  restored: {
    zh: '已恢复：{instances} 个案件、{journal} 条流水；新增表单版本 {forms} 个、机构 {organisations} 个、主体 {farms} 个。',
    en: 'Restored: {instances} cases, {journal} journal entries; added {forms} form versions, {organisations} organisations, {farms} farms.',
  },
  working: { zh: '正在处理…', en: 'Working…' },
} as const;

export type AdminTextKey = keyof typeof texts;

export function adminText(locale: Locale, key: AdminTextKey, vars: Record<string, string | number> = {}): string {
  const entry = texts[key];
  const template = locale === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
