/**
 * Bilingual texts of the widgets. Chinese is the default (the users are Chinese agencies and farms);
 * every string the widgets show comes from here or from the workflow/form definitions.
 */
import { taskUi } from './taskText.js';

export type Locale = 'zh-CN' | 'en';

export interface LocalText {
  zh: string;
  en: string;
}

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export function pick(text: LocalText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

const t = (zh: string, en: string): LocalText => ({ zh, en });

/** Role names from DOMAIN.md; a host passes region-specific names to the provider to override them. */
export const defaultRoleLabels: Readonly<Record<string, LocalText>> = {
  producer: t('生产主体', 'Producer'),
  'third-party': t('第三方服务主体', 'Third-party service provider'),
  supervision: t('动物卫生监督机构', 'Animal-health supervision'),
  district: t('区县农业农村局', 'District agriculture bureau'),
  'expert-office': t('专家工作办公室', 'Expert office'),
  municipal: t('市（区）农业农村主管部门', 'Municipal bureau'),
  lab: t('检测机构', 'Testing body'),
  inspector: t('网格监管员', 'Grid inspector'),
  enforcement: t('农业综合执法', 'Agricultural enforcement'),
  public: t('公众', 'Public'),
  config: t('配置人员', 'Configuration staff'),
  system: t('系统（期限/消息）', 'System (deadline / message)'),
};

/** UI strings, keyed by what they say. */
export const ui = {
  loading: t('加载中…', 'Loading…'),
  none: t('无', 'none'),
  // inbox
  inbox: t('待办事项', 'Tasks'),
  inboxEmpty: t('当前没有待办事项。', 'No open tasks.'),
  inboxFiltered: t('没有符合筛选条件的待办事项。', 'No tasks match the filters.'),
  filters: t('筛选', 'Filters'),
  filterWorkflow: t('业务类型', 'Workflow'),
  filterState: t('所处环节', 'State'),
  filterOverdue: t('仅显示逾期', 'Overdue only'),
  all: t('全部', 'All'),
  colCase: t('案件', 'Case'),
  draft: t('未提交', 'Not submitted'),
  openExisting: t('打开已有案件', 'Open the existing case'),
  receiptTitle: t('受理回执', 'Receipt'),
  receiptCase: t('事项', 'Matter'),
  receiptDone: t('已办理', 'Done'),
  receiptNext: t('下一环节', 'Next step'),
  receiptOutcome: t('办理结果', 'Outcome'),
  receiptHandledBy: t('办理单位', 'Handled by'),
  receiptDue: t('办理期限', 'To be handled by'),
  receiptPrint: t('打印回执', 'Print receipt'),
  openedOn: t('受理时间', 'Opened'),
  colSubject: t('主体', 'Subject'),
  colState: t('当前环节', 'Current state'),
  colActions: t('可办理', 'You may'),
  colDue: t('办理期限', 'Due'),
  open: t('办理', 'Open'),
  noDeadline: t('无期限', 'No deadline'),
  overdue: t('已逾期', 'Overdue'),
  provisional: t('（节假日安排未公布，按周末推算）', '(holiday arrangement not yet published; weekends only)'),
  // case view
  caseView: t('案件办理', 'Case'),
  currentState: t('当前环节', 'Current state'),
  caseDone: t('已办结', 'Closed'),
  caseActive: t('办理中', 'In progress'),
  actions: t('可办理的操作', 'Actions you may take'),
  noActions: t('您当前没有可办理的操作。', 'There is nothing you may do on this case now.'),
  submit: t('提交', 'Submit'),
  confirm: t('确认办理', 'Confirm'),
  cancel: t('取消', 'Cancel'),
  submitting: t('正在提交…', 'Submitting…'),
  done: t('已办理', 'Done'),
  queued: t('已保存在本设备，联网后自动提交', 'Kept on this device; sent when the connection returns'),
  withheld: t('另有 {n} 项内容按字段权限不向您显示。', '{n} more item(s) are not shown to you (field permissions).'),
  keptReadOnly: t('灰色字段在此环节只读，沿用已填写的内容。', 'Greyed fields are read-only at this step and keep what was filled before.'),
  reasonRequired: t('退回或不予通过必须填写理由。', 'A return or rejection needs a reason.'),
  reasonLabel: t('理由', 'Reason'),
  reasonFieldMissing: t(
    '此操作为退回/不予通过，但其表单没有“理由”字段，无法办理。请联系配置人员。',
    'This is a return or rejection, but its form has no reason field, so it cannot be sent. Ask configuration staff.',
  ),
  formMissing: t('未找到此操作的表单，无法办理。', 'The form of this action is not available, so it cannot be sent.'),
  confirmNoData: t('此操作无需填写表单。确认办理吗？', 'This action needs no form. Send it?'),
  engineRefused: t('引擎拒绝了此操作', 'The engine refused this action'),
  fieldIssues: t('字段问题', 'Field problems'),
  deadlines: t('期限', 'Deadlines'),
  subject: t('主体', 'Subject'),
  region: t('地区', 'Region'),
  workflow: t('业务', 'Workflow'),
  revision: t('版本', 'Revision'),
  // timeline
  timeline: t('办理记录', 'History'),
  timelineEmpty: t('暂无记录。', 'No entries yet.'),
  verifyOk: t('记录链校验通过：共 {n} 条，未被篡改。', 'Journal verified: {n} entries, hash chain intact.'),
  verifyFailed: t('记录链校验失败：发现 {n} 处问题。', 'Journal check FAILED: {n} problem(s) found.'),
  verifying: t('正在校验记录链…', 'Checking the hash chain…'),
  by: t('办理人', 'By'),
  role: t('角色', 'Role'),
  when: t('时间', 'When'),
  transition: t('环节变化', 'State'),
  data: t('提交内容', 'Data'),
  form: t('表单', 'Form'),
  started: t('立案', 'Case opened'),
  kindTimer: t('期限到期（系统）', 'Deadline passed (system)'),
  kindMessage: t('关联案件消息', 'Message from a related case'),
  kindMigrate: t('流程版本迁移', 'Workflow version migration'),
  recordedLate: t('补记于 {when}', 'recorded {when}'),
  // diagram
  diagram: t('流程图', 'Lifecycle diagram'),
  diagramDesc: t('状态 {n} 个，转换 {m} 条。当前环节：{current}。', '{n} states, {m} transitions. Current: {current}.'),
  anyState: t('任一状态', 'any state'),
  anySubState: t('任一子环节', 'any sub-state'),
  finalState: t('终止', 'final'),
  currentMark: t('当前', 'current'),
  // certificate
  certificate: t('承诺达标合格证', 'Commitment compliance certificate'),
  certNumber: t('合格证编号', 'Certificate No.'),
  product: t('产品名称', 'Product'),
  quantity: t('数量（重量）', 'Quantity (weight)'),
  origin: t('产地', 'Place of origin'),
  producer: t('生产者', 'Producer'),
  contact: t('联系方式', 'Contact'),
  issuedOn: t('开具日期', 'Date of issue'),
  commitment: t('我承诺对生产销售的食用农产品：', 'I commit that the edible agricultural products I produce and sell:'),
  basis: t('承诺依据', 'Basis of the commitment'),
  signature: t('生产者盖章或签名', 'Producer signature or seal'),
  verificationCode: t('核验码', 'Verification code'),
  scanToVerify: t('扫码核验真伪', 'Scan to verify'),
  print: t('打印合格证', 'Print certificate'),
  printAll: t('打印全部 {n} 张合格证', 'Print all {n} certificates'),
  // verification
  verification: t('合格证核验', 'Certificate verification'),
  verifyCodeLabel: t('合格证编号或核验码', 'Certificate number or verification code'),
  verifyButton: t('核验', 'Verify'),
  verifyValid: t('核验通过：该合格证真实有效。', 'Verified: this certificate is genuine and valid.'),
  verifyNotFound: t('未找到该合格证，请核对编号。可能为伪造证书。', 'No such certificate. Check the number; it may be forged.'),
  verifyRevoked: t('该合格证已被撤销，不再有效。', 'This certificate has been revoked and is no longer valid.'),
  verifyFake: t('该合格证已被认定为冒名开具或虚假合格，已记入信用档案。', 'This certificate was found fake or impersonated and is on the credit record.'),
  verifyMismatch: t('二维码内容与登记的合格证不一致，疑似伪造。', 'The code does not match the registered certificate: possibly forged.'),
  verifyInvalidCode: t('不是有效的合格证二维码。', 'This is not a valid certificate code.'),
  signHere: t('（待签名）', '(to be signed)'),
  verifyError: t('核验服务暂不可用', 'The verification service is unavailable'),
  verifyRetentionEnded: t('核验通过：该合格证真实，留存期已满，本批记录已归档。', 'Verified: this certificate is genuine; its retention period is over and the batch is archived.'),
  verifySuperseded: t('此份合格证已作废：该合格证已重新签发，请以新证为准。', 'This printing is void: the certificate was signed again; only the new one counts.'),
  verifyProducerSuspended: t('合格证签名真实，但开具主体当前受到限制，请谨慎采信。', 'The signature is genuine, but the producer is currently restricted: treat with care.'),
  verifySignatureChecked: t('已在本机用签发机构公钥核验签名。', 'The signature was checked on this device with the issuer’s published key.'),
  verifyOffline: t('当前离线：签名已在本机核验，但暂时无法查询撤销等实时状态，请联网后再次核验。', 'Offline: the signature was checked on this device, but the live status (revocation and the like) cannot be asked now; check again when online.'),
  verifyKeysFetchedOn: t('公钥更新于 {date}', 'Keys fetched on {date}'),
  verifyStatusListOn: t('已对照 {date} 的撤销名单（已验签）。', 'Checked against the signed status list of {date}.'),
  revokedBy: t('撤销机关', 'Revoked by'),
  revokedOn: t('撤销日期', 'Revoked on'),
  revokedReason: t('撤销原因', 'Reason'),
  ...taskUi,
} satisfies Record<string, LocalText>;

export type UiKey = keyof typeof ui;

/** A UI string, with `{name}` placeholders filled. */
export function say(key: UiKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return pick(ui[key], locale).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
