import { describe, expect, it } from 'vitest';
import { checkRule, fromJsonLogic, toJsonLogic, type RuleGroup } from '../../src/index.js';
import { buildFarmForm } from '../fixtures.js';

describe('structured rules', () => {
  it('writes AND/OR groups of conditions as JsonLogic and reads them back', () => {
    const group: RuleGroup = {
      combinator: 'or',
      items: [
        { field: 'species', operator: '==', value: 'pig' },
        { combinator: 'and', items: [{ field: 'headCount', operator: '>=', value: 500 }, { field: 'farmName', operator: 'notEmpty' }] },
        { field: 'species', operator: 'in', value: ['pig', 'cattle'] },
        { field: 'vaccines', operator: 'contains', value: 'fmd' },
        { field: 'farmName', operator: 'empty' },
      ],
    };
    const logic = toJsonLogic(group);
    expect(logic).toEqual({
      or: [
        { '==': [{ var: 'species' }, 'pig'] },
        { and: [{ '>=': [{ var: 'headCount' }, 500] }, { '!!': { var: 'farmName' } }] },
        { in: [{ var: 'species' }, ['pig', 'cattle']] },
        { in: ['fmd', { var: 'vaccines' }] },
        { '!': { var: 'farmName' } },
      ],
    });
    expect(fromJsonLogic(logic)).toEqual(group);
  });

  it('one condition is written bare; nothing is no rule; arithmetic stays raw (null)', () => {
    expect(toJsonLogic({ combinator: 'and', items: [{ field: 'a', operator: '!=', value: 1 }] })).toEqual({ '!=': [{ var: 'a' }, 1] });
    expect(toJsonLogic({ combinator: 'and', items: [] })).toBeUndefined();
    expect(fromJsonLogic(undefined)).toEqual({ combinator: 'and', items: [] });
    expect(fromJsonLogic({ '+': [{ var: 'a' }, 1] })).toBeNull();
  });

  it('flags unknown fields and cycles while typing', () => {
    const { definition } = buildFarmForm().getSnapshot().state;
    const unknown = checkRule(definition, 'headCount', 'visibleIf', { '==': [{ var: 'speces' }, 'pig'] });
    expect(unknown.map((i) => i.path)).toEqual(['/rules/headCount/visibleIf/==/0/var']);
    expect(unknown[0]?.messageZh).toContain('speces');
    const withRule = { ...definition, rules: { species: { visibleIf: { '>': [{ var: 'headCount' }, 0] } } } };
    const cycle = checkRule(withRule, 'headCount', 'visibleIf', { '==': [{ var: 'species' }, 'pig'] });
    expect(cycle.some((i) => /cycle/.test(i.message) && /循环/.test(i.messageZh))).toBe(true);
    expect(checkRule(definition, 'headCount', 'visibleIf', { '==': [{ var: 'species' }, 'pig'] })).toEqual([]);
  });
});
