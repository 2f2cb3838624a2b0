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
} as const;

export type AdminTextKey = keyof typeof texts;

export function adminText(locale: Locale, key: AdminTextKey, vars: Record<string, string | number> = {}): string {
  const entry = texts[key];
  const template = locale === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
