/**
 * The form controller: per-field subscriptions (a keystroke notifies the field and the fields whose
 * rules depend on it, nothing else), rule-driven visibility/requirement, validation messages by label.
 */
import { describe, expect, it } from 'vitest';
import { createFormController } from '../../src/controller/formController.js';
import { jiyuanApplication } from '../rules/jiyuanApplication.js';

function counting(controller: ReturnType<typeof createFormController>) {
  const counts: Record<string, number> = {};
  for (const key of Object.keys(controller.definition.fields)) {
    counts[key] = 0;
    controller.subscribe(key, () => (counts[key] = (counts[key] ?? 0) + 1));
  }
  return counts;
}

describe('form controller', () => {
  it('notifies only the changed field when no rule reads it', () => {
    const controller = createFormController(jiyuanApplication(), { initialValue: { species: 'cattle', headCount: 10 } });
    const counts = counting(controller);
    controller.setValue('otherSpecies', '驴');
    controller.setValue('otherSpecies', '驴子');
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([['otherSpecies', 2]]);
    expect(controller.getField('otherSpecies').value).toBe('驴子');
  });

  it('notifies dependents whose rule results change, and recomputes computed fields', () => {
    const controller = createFormController(jiyuanApplication(), { initialValue: { species: 'pig', headCount: 4000 } });
    const counts = counting(controller);
    expect(controller.getField('largeFarm').value).toBe(false);
    expect(controller.getField('selfTestReport').visible).toBe(false);
    controller.setValue('headCount', 6000);
    // seed 002: pigs ≥ 5000 in stock are a large farm, which must attach its self-testing report.
    expect(controller.getField('largeFarm').value).toBe(true);
    expect(controller.getField('selfTestReport')).toMatchObject({ visible: true, required: true });
    expect(counts.headCount).toBe(1);
    expect(counts.largeFarm).toBe(1);
    expect(counts.selfTestReport).toBe(1);
    expect(counts.farmName).toBe(0);
    expect(counts.herds).toBe(0);
    // A second keystroke that changes no rule result notifies only the field itself.
    controller.setValue('headCount', 6001);
    expect(counts.largeFarm).toBe(1);
    expect(counts.selfTestReport).toBe(1);
  });

  it('shows issues by label once touched, requires by rule, and drops hidden fields from submitted data', () => {
    const controller = createFormController(jiyuanApplication(), { initialValue: { species: 'other', headCount: 5, farmName: '场' }, locale: 'zh-CN' });
    expect(controller.getField('otherSpecies')).toMatchObject({ visible: true, required: true, issues: [] });
    controller.touch('otherSpecies');
    expect(controller.getField('otherSpecies').issues.map((i) => i.message)).toEqual(['其他品种名称：必填']);
    controller.setLocale('en');
    expect(controller.getField('otherSpecies').issues.map((i) => i.message)).toEqual(['Other species: required']);
    controller.setValue('otherSpecies', '鸵鸟');
    expect(controller.getField('otherSpecies').issues).toEqual([]);
    controller.setValue('species', 'pig');
    expect(controller.getField('otherSpecies').visible).toBe(false);
    expect(controller.getSubmittable()).not.toHaveProperty('otherSpecies');
    expect(controller.validateAll()).toEqual([]);
  });
});
