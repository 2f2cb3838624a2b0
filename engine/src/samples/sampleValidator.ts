/**
 * The engine receives form validation as a function. Until the forms package exists, this
 * validator checks the two sample forms' required fields and types, so `invalid-data` paths are real.
 */
import type { EventDataValidator } from '../index.js';

const forms: Record<string, Record<string, 'string' | 'number'>> = {
  application: { farmName: 'string', headCount: 'number' },
  reason: { reason: 'string' },
  score: { score: 'number' },
};

export const sampleValidator: EventDataValidator = (form, data) => {
  const fields = forms[form.id];
  if (!fields) return { ok: false, issues: [{ path: '', message: `unknown form ${form.id}` }] };
  const issues = [];
  for (const [key, type] of Object.entries(fields)) {
    const value = data[key];
    if (value === undefined || value === '') issues.push({ path: `/${key}`, message: 'is required', messageZh: '必填' });
    else if (typeof value !== type) issues.push({ path: `/${key}`, message: `must be a ${type}`, messageZh: `须为${type === 'number' ? '数字' : '文本'}` });
  }
  for (const key of Object.keys(data)) {
    if (!(key in fields)) issues.push({ path: `/${key}`, message: 'is not a field of this form', messageZh: '不是本表单的字段' });
  }
  return issues.length === 0 ? { ok: true, formVersion: '1' } : { ok: false, formVersion: '1', issues };
};
