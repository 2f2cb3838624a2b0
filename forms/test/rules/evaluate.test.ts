import { describe, expect, it } from 'vitest';
import { evaluateRules, RulesError, submittableData } from '../../src/rules/index.js';
import { formWith, jiyuanApplication } from './jiyuanApplication.js';

const definition = jiyuanApplication();
const report = [{ id: 'f1', name: '自检报告.pdf' }];

describe('evaluateRules on the Jiyuan application', () => {
  it('makes a pig farm with 5000 head a large farm that must attach its self-testing report', () => {
    const state = evaluateRules(definition, { farmName: '济源示范养殖场', species: 'pig', headCount: 5000 });
    expect(state.values.largeFarm).toBe(true);
    expect(state.visible.selfTestReport).toBe(true);
    expect(state.required.selfTestReport).toBe(true);
    expect(state.readOnly.largeFarm).toBe(true);
    expect(state.hidden.has('selfTestReport')).toBe(false);
  });

  it('keeps smaller pig farms and large non-pig farms out of it', () => {
    for (const data of [
      { species: 'pig', headCount: 4999 },
      { species: 'cattle', headCount: 8000 },
      { species: 'pig' },
    ]) {
      const state = evaluateRules(definition, data);
      expect(state.values.largeFarm).toBe(false);
      expect(state.visible.selfTestReport).toBe(false);
      expect(state.required.selfTestReport).toBe(false);
      expect(state.hidden.has('selfTestReport')).toBe(true);
    }
  });

  it('shows and requires otherSpecies only for species "other"', () => {
    const other = evaluateRules(definition, { species: 'other' });
    expect(other.visible.otherSpecies).toBe(true);
    expect(other.required.otherSpecies).toBe(true);
    const pig = evaluateRules(definition, { species: 'pig', otherSpecies: '梅花鹿' });
    expect(pig.visible.otherSpecies).toBe(false);
    expect(pig.required.otherSpecies).toBe(false);
    // What was typed is kept (showing the field again restores it) but never submitted.
    expect(pig.values.otherSpecies).toBe('梅花鹿');
    expect(submittableData(definition, pig)).not.toHaveProperty('otherSpecies');
  });

  it('combines schema-required with requiredIf, and never requires a hidden field', () => {
    const state = evaluateRules(definition, { species: 'pig', headCount: 6000, selfTestReport: report });
    expect(state.required.farmName).toBe(true); // schema `required`
    expect(state.required.reportDate).toBe(true); // requiredIf: true, and visible
    const small = evaluateRules(definition, { species: 'pig', headCount: 10, selfTestReport: report });
    expect(small.required.reportDate).toBe(false); // hidden
  });

  it('propagates hiddenness: a rule reading a hidden field sees null', () => {
    // A report attached while the farm was large stays in the data, but once selfTestReport is
    // hidden, reportDate's visibleIf reads null for it and reportDate is hidden too.
    const large = evaluateRules(definition, { species: 'pig', headCount: 6000, selfTestReport: report });
    expect(large.visible.reportDate).toBe(true);
    const shrunk = evaluateRules(definition, { ...large.values, headCount: 100 });
    expect(shrunk.values.selfTestReport).toEqual(report);
    expect(shrunk.visible.reportDate).toBe(false);
    expect([...shrunk.hidden].sort()).toEqual(['otherSpecies', 'reportDate', 'selfTestReport']);
  });

  it('sums the rows with reduce, overwriting whatever the data said', () => {
    const state = evaluateRules(definition, {
      herds: [
        { kind: 'pig', count: 3000 },
        { kind: 'pig', count: 2500 },
        { kind: 'sheep', count: 40 },
      ],
      herdTotal: 1,
    });
    expect(state.values.herdTotal).toBe(5540);
    expect(state.readOnly.herdTotal).toBe(true);
    expect(evaluateRules(definition, {}).values.herdTotal).toBe(0);
  });

  it('applies field.readOnly and readOnlyIf', () => {
    expect(evaluateRules(definition, { declared: true }).readOnly.farmName).toBe(true);
    expect(evaluateRules(definition, { declared: false }).readOnly.farmName).toBe(false);
    const locked = jiyuanApplication();
    locked.fields.species!.readOnly = true;
    expect(evaluateRules(locked, {}).readOnly.species).toBe(true);
  });

  it('submits computed values and drops hidden fields and keys that are not fields', () => {
    const state = evaluateRules(definition, {
      farmName: '济源示范养殖场',
      species: 'pig',
      headCount: 100,
      otherSpecies: '梅花鹿',
      selfTestReport: report,
      stray: 1,
    });
    expect(submittableData(definition, state)).toEqual({
      farmName: '济源示范养殖场',
      species: 'pig',
      headCount: 100,
      largeFarm: false,
      herdTotal: 0,
    });
  });

  it('turns values JSON cannot hold into null and run-time failures into null', () => {
    const d = formWith({ ratio: { compute: { '/': [{ var: 'a' }, { var: 'b' }] } }, a: {}, b: {} }, { ratio: { kind: 'number' } });
    expect(evaluateRules(d, { a: 1, b: 0 }).values.ratio).toBeNull();
    expect(evaluateRules(d, { a: 6, b: 3 }).values.ratio).toBe(2);
  });

  it('refuses a definition analyzeRules rejects', () => {
    const broken = formWith({ a: { compute: { var: 'b' } }, b: { compute: { var: 'a' } } });
    expect(() => evaluateRules(broken, {})).toThrow(RulesError);
    try {
      evaluateRules(broken, {});
    } catch (error) {
      expect((error as RulesError).issues[0]!.message).toContain('a → b → a');
      expect((error as RulesError).messageZh).toContain('规则循环依赖');
    }
  });
});
