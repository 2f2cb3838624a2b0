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
