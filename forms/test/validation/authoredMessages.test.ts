/** Messages the form's author wrote in `definition.messages` replace the generated ones, by field and keyword. */
import { describe, expect, it } from 'vitest';
import { createFormValidator } from '../../src/validation/index.js';
import { formWith } from '../../stories/storyForms.js';

const form = () => {
  const definition = formWith(['farmName', 'headCount', 'herds']);
  definition.messages = {
    'zh-CN': { 'headCount.minimum': '存栏量不能为负数', herds: '请核对存栏明细' },
    en: { 'headCount.minimum': 'Stock cannot be negative' },
  };
  return definition;
};

describe('authored messages', () => {
  it('replace the message for a field and keyword, in each locale, after the label', () => {
    const validator = createFormValidator(form());
    const zh = validator.validate({ farmName: '济源农场', headCount: -1 }, { locale: 'zh-CN' });
    expect(zh.issues).toEqual([{ path: '/headCount', message: '存栏量：存栏量不能为负数', messageZh: '存栏量：存栏量不能为负数' }]);
    const en = validator.validate({ farmName: '济源农场', headCount: -1 }, { locale: 'en' });
    expect(en.issues[0]?.message).toBe('Head in stock: Stock cannot be negative');
  });

  it('apply a field-wide message to nested row problems, falling back to the other locale', () => {
    const validator = createFormValidator(form());
    const en = validator.validate({ farmName: '济源农场', headCount: 5, herds: [{ kind: 'sow', count: 0 }] }, { locale: 'en' });
    expect(en.issues).toHaveLength(1);
    expect(en.issues[0]!.messageZh).toContain('请核对存栏明细');
    expect(en.issues[0]!.message).toContain('请核对存栏明细');
  });

  it('leave other problems with the generated text', () => {
    const validator = createFormValidator(form());
    const zh = validator.validate({ farmName: '济', headCount: 5 }, { locale: 'zh-CN' });
    expect(zh.issues[0]!.messageZh).toMatch(/^养殖场名称：/);
    expect(zh.issues[0]!.messageZh).not.toContain('负数');
  });
});
