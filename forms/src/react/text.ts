/** Picking the locale's text, and the renderer's own UI strings in both languages. */
import type { Locale, LocalText } from '../definition/types.js';

export const pick = (text: LocalText | undefined, locale: Locale): string => (text ? (locale === 'en' ? text.en : text.zh) : '');

const ui = {
  required: { zh: '必填', en: 'required' },
  summary: { zh: '还有 {n} 处需要修改', en: '{n} thing(s) to correct' },
  next: { zh: '下一步', en: 'Next' },
  previous: { zh: '上一步', en: 'Previous' },
  step: { zh: '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  addRow: { zh: '添加一行', en: 'Add row' },
  removeRow: { zh: '删除第 {n} 行', en: 'Remove row {n}' },
  row: { zh: '第 {n} 行', en: 'Row {n}' },
  actions: { zh: '操作', en: 'Actions' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  empty: { zh: '（未填写）', en: '(empty)' },
  choose: { zh: '请选择', en: 'Choose…' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县（区）', en: 'County' },
  township: { zh: '乡镇（街道、苏木）', en: 'Township' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  addFiles: { zh: '添加文件', en: 'Add files' },
  removeFile: { zh: '移除 {name}', en: 'Remove {name}' },
  fileTooLarge: { zh: '{name} 超过大小上限 {max}', en: '{name} is larger than {max}' },
  fileType: { zh: '{name} 的类型不被接受', en: '{name} is not an accepted type' },
  tooManyFiles: { zh: '最多 {max} 个文件', en: 'At most {max} files' },
  signHere: { zh: '在此签名（可用鼠标、触屏；或在下方输入姓名）', en: 'Sign here (mouse or touch; or type your name below)' },
  typedName: { zh: '签名人姓名（键盘签名）', en: 'Signer name (keyboard signature)' },
  clear: { zh: '清除', en: 'Clear' },
  signed: { zh: '已签名', en: 'Signed' },
} satisfies Record<string, LocalText>;

export type UiKey = keyof typeof ui;

export function say(key: UiKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return pick(ui[key], locale).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
