/**
 * The portal's own texts in Chinese (default) and English. Widgets bring their own texts; workflow,
 * region and role names come from @nongan/workflows. `text(locale, key, vars)` fills `{name}` slots.
 */
export type Locale = 'zh-CN' | 'en';

export const LOCALE_KEY = 'nongan-portal-locale';

const m = (zh: string, en: string) => ({ zh, en });

export const messages = {
  appTitle: m('农安 · 农产品质量安全监管门户', "Nong'an · agri-food safety portal"),
  loading: m('正在加载…', 'Loading…'),
  language: m('English', '中文'),
  signIn: m('演示登录', 'Demo sign-in'),
  signInHelp: m('选择地区和角色。每个角色能做什么由流程引擎决定，页面不另设权限。', 'Choose a region and a role. What each role may do is decided by the workflow engine, not by the page.'),
  region: m('地区', 'Region'),
  role: m('角色', 'Role'),
  farm: m('生产主体', 'Farm / producer'),
  enter: m('进入', 'Enter'),
  signOut: m('退出登录', 'Sign out'),
  signedInAs: m('当前身份', 'Signed in as'),
  navHome: m('首页', 'Home'),
  navInbox: m('待办', 'Inbox'),
  navFarm: m('我的主体', 'My farm'),
  navCases: m('案件', 'Cases'),
  navDashboard: m('数据看板', 'Dashboard'),
  navVerify: m('合格证核验', 'Verify certificate'),
  navDesigner: m('表单设计', 'Form designer'),
  navBackup: m('备份', 'Backup'),
  clock: m('演示时钟', 'Demo clock'),
  advance5: m('前进 5 个工作日', 'Advance 5 working days'),
  advancing: m('正在推进…', 'Advancing…'),
  advanced: m('时钟已推进至 {date}，触发到期事项 {fired} 项。', 'Clock moved to {date}; {fired} deadline(s) fired.'),
  resetDemo: m('重置演示数据', 'Reset demo data'),
  resetConfirm: m('确定删除本浏览器中的全部数据并重新生成演示数据？', 'Delete all data in this browser and seed the demo again?'),
  seeding: m('正在生成五个地区的演示数据…', 'Seeding demo data for the five regions…'),
  bootFailed: m('门户启动失败', 'The portal failed to start'),
  notFound: m('页面不存在', 'Page not found'),
  needSignIn: m('请先选择地区和角色登录。', 'Please sign in with a region and a role first.'),
  backTo: m('返回', 'Back'),
  // backup
  backupTitle: m('数据备份与恢复', 'Backup and restore'),
  backupHelp: m('导出本浏览器中的全部数据（案件、流水、期限、消息、主体登记、已发布表单、演示时钟）为 JSON 文件；导入时先校验，校验不通过则原有数据保持不变。', 'Export all data in this browser (cases, journal, deadlines, messages, farm register, published forms, demo clock) to a JSON file. Imports are validated first; a rejected file leaves the stored data unchanged.'),
  exportButton: m('导出备份文件', 'Export backup file'),
  importLabel: m('导入备份文件（将替换现有数据）', 'Import backup file (replaces the stored data)'),
  importDone: m('已导入：{instances} 个案件，{journal} 条流水。', 'Imported: {instances} cases, {journal} journal entries.'),
  importFailed: m('导入失败，原有数据未改动：', 'Import refused; the stored data is unchanged:'),
  exported: m('已导出 {instances} 个案件。', 'Exported {instances} cases.'),
  // home
  homeIntro: m('本门户在浏览器内运行流程引擎，数据保存在 IndexedDB 中。', 'This portal runs the workflow engine in your browser; data lives in IndexedDB.'),
  // inbox and cases
  inboxTitle: m('我的待办', 'My tasks'),
  casesTitle: m('本地区案件', 'Cases of the region'),
  caseTitle: m('案件', 'Case'),
  timelineTitle: m('办理记录', 'History'),
  diagramTitle: m('流程图', 'Lifecycle diagram'),
  certificateTitle: m('承诺达标合格证', 'Commitment certificate'),
  openCase: m('打开', 'Open'),
  caseNumber: m('受理编号', 'Case number'),
  draftBadge: m('未提交', 'Not submitted'),
  state: m('状态', 'State'),
  subject: m('主体', 'Subject'),
  workflow: m('业务流程', 'Lifecycle'),
  updated: m('更新时间', 'Updated'),
  noCases: m('暂无案件。', 'No cases.'),
  // farm
  farmTitle: m('生产主体', 'Farm'),
  registerTitle: m('主体登记', 'Register a farm'),
  farmName: m('主体名称', 'Farm name'),
  farmContact: m('联系电话', 'Contact phone'),
  registerButton: m('登记并以该主体登录', 'Register and sign in as this farm'),
  registered: m('已登记：{name}', 'Registered: {name}'),
  startTitle: m('发起申请', 'Start an application'),
  startButton: m('发起', 'Start'),
  myCases: m('本主体的案件', 'Cases of this farm'),
  chooseFarm: m('选择主体', 'Choose a farm'),
  noFarms: m('本地区尚无登记主体，请先登记。', 'No farm is registered in this region yet; register one first.'),
  started: m('已发起：{id}', 'Started: {id}'),
  // verify
  verifyTitle: m('合格证公开核验', 'Public certificate verification'),
  // certificates of a day: issue together, print together
  navCertificates: m('合格证开具打印', 'Certificates'),
  certificatesTitle: m('合格证批量开具与打印', 'Issue and print certificates'),
  certificatesDay: m('开具日期', 'Day of issue'),
  certificatesReady: m('待开具的批次（{n}）', 'Batches ready to issue ({n})'),
  certificatesNoneReady: m('没有已自检、待开具合格证的批次。', 'No self-inspected batch is waiting for its certificate.'),
  certificatesAll: m('全选', 'Select all'),
  certificatesCommitment: m('本人承诺：所选批次不使用禁用农药兽药及非法添加物，遵守安全间隔期、休药期规定，常规农药兽药残留不超标，并对承诺的真实性负责。', 'I commit for the chosen batches: no banned pesticides, veterinary drugs or illegal additives; safety intervals and withdrawal periods kept; routine residues within limits; and I answer for this commitment.'),
  certificatesCommitFirst: m('开具前请先勾选承诺。', 'Tick the commitment first.'),
  certificatesIssue: m('为选中的 {n} 个批次开具合格证', 'Issue certificates for the {n} chosen batches'),
  certificatesIssuing: m('正在开具：{done} / {of}', 'Issuing: {done} / {of}'),
  certificatesIssued: m('{day} 开具的合格证（{n} 张）', 'Certificates issued on {day} ({n})'),
  certificatesSize: m('打印规格', 'Print size'),
  certificatesNoneIssued: m('当天没有开具的合格证。', 'No certificate was issued that day.'),
  // designer
  designerTitle: m('表单设计与发布', 'Form design and publishing'),
  formToEdit: m('表单', 'Form'),
  publishedTitle: m('已发布的表单（替换内置表单）', 'Published forms (replacing built-in ones)'),
  refresh: m('刷新', 'Refresh'),
  nothingPublished: m('尚未发布替换表单，各地区使用内置表单。', 'Nothing published yet: every region uses its built-in forms.'),
  version: m('版本', 'Version'),
  effectiveFrom: m('生效日期', 'Effective from'),
  allRegions: m('全部地区', 'All regions'),
  inForce: m('已生效', 'in force'),
  // dashboard
  dashboardTitle: m('数据看板', 'Dashboard'),
  casesByState: m('各状态案件数', 'Cases by state'),
  overdue: m('逾期事项', 'Overdue deadlines'),
  overdueNone: m('没有逾期事项。', 'No overdue deadlines.'),
  dueSoon: m('5 个工作日内到期', 'Due within 5 working days'),
  workingDaysLeft: m('还剩 {n} 个工作日', '{n} working days left'),
  passRate: m('检测合格率', 'Pass rate'),
  coverage: m('合格证开具覆盖率', 'Certificate coverage'),
  monitoring: m('监测任务完成进度', 'Monitoring quota progress'),
  subsidy: m('补助资金与 60 万元上限', 'Subsidy vs the 600,000 CNY cap'),
  target: m('目标', 'Target'),
  actual: m('实际', 'Actual'),
  certificates: m('已开具合格证', 'Certificates issued'),
  producers: m('主体数', 'Producers'),
  // the portal as the server's client
  homeIntroServer: m('各方在各自的设备上办理同一案件，彼此的操作即时可见；网络中断时仍可查看案件、填写和提交，联网后自动发送。', 'Everyone works on the same cases from their own device and sees each other\'s steps at once; without a network you can still open cases, fill in forms and submit — they are sent when the connection returns.'),
  serverSignInTitle: m('登录', 'Sign in'),
  signInLogin: m('账号', 'Account'),
  signInPassword: m('密码', 'Password'),
  signInTotp: m('动态码', 'Authenticator code'),
  signInTotpHelp: m('本账号已开启两步验证：请输入身份验证器中的 6 位动态码。', 'This account uses two-step verification: enter the 6-digit code from your authenticator app.'),
  signInButton: m('登录', 'Sign in'),
  signingIn: m('正在登录…', 'Signing in…'),
  demoAccountsTitle: m('演示账号', 'Demo accounts'),
  demoAccountsHelp: m('演示模式：以下账号的密码均为 {password}。正式部署不显示此列表。', 'Demo mode: every account below has the password {password}. A production server does not show this list.'),
  useAccount: m('使用', 'Use'),
  mustChangeTitle: m('请先设置新密码', 'Set a new password first'),
  mustChangeHelp: m('管理员为您设置了临时密码，修改后才能办理业务。', 'An administrator gave you a temporary password; change it before you continue.'),
  currentPassword: m('当前密码', 'Current password'),
  newPassword: m('新密码', 'New password'),
  changePassword: m('修改密码', 'Change password'),
  connectionLive: m('在线 · 实时更新', 'Online · live'),
  connectionConnecting: m('正在连接服务器…', 'Connecting to the server…'),
  connectionOffline: m('离线：可继续办理，操作保存在本设备，联网后自动提交', 'Offline: keep working — your actions are kept on this device and sent when the connection returns'),
  waitingCount: m('{n} 项操作待发送', '{n} action(s) waiting to be sent'),
  refusedCount: m('{n} 项操作未被受理', '{n} action(s) not accepted'),
  pendingTitle: m('本设备上尚未提交的操作', 'Actions on this device not yet accepted'),
  pendingWaiting: m('已保存在本设备，联网后自动提交', 'Kept on this device; sent when the connection returns'),
  pendingRefused: m('联网后提交时未被受理，原因如下。您填写的内容保留在下方。', 'When it was sent, the server did not accept it for the reason below. What you entered is kept below.'),
  pendingStart: m('新申请', 'New application'),
  queuedAt: m('保存时间', 'Kept at'),
  discard: m('放弃此操作', 'Discard this action'),
  keptInput: m('您填写的内容', 'What you entered'),
  signOutPending: m('还有 {n} 项操作尚未提交，退出登录将丢弃它们。确定退出？', '{n} action(s) have not been sent yet; signing out discards them. Sign out anyway?'),
  farmsByAdmin: m('生产主体由管理员在系统中登记。', 'Farms are registered by an administrator.'),
  navAdmin: m('系统管理', 'Administration'),
  adminOnly: m('仅系统管理员可使用此页面。', 'Only administrators can use this page.'),
} as const;

export type MessageKey = keyof typeof messages;

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export function text(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const entry = messages[key];
  const template = locale === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A `{ zh, en }` pair in the chosen language. */
export function local(value: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? value.en : value.zh;
}
