import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { ALLOWED_OPERATORS, evaluateExpression, evaluateRules, RulesError } from '../../src/rules/index.js';
import { formWith } from './jiyuanApplication.js';

const data = { farmName: '济源示范养殖场', herds: [{ kind: 'pig', count: 3 }], nested: { a: 1 } };

describe('operator allow-list', () => {
  it('is exactly the documented set', () => {
    expect([...ALLOWED_OPERATORS].sort()).toEqual(
      [
        'var', 'missing', 'missing_some',
        '==', '===', '!=', '!==', '>', '>=', '<', '<=',
        '!', '!!', 'and', 'or', 'if', '?:',
        '+', '-', '*', '/', '%', 'min', 'max',
        'in', 'cat', 'substr',
        'map', 'filter', 'reduce', 'all', 'some', 'none', 'merge',
      ].sort(),
    );
  });

  it('refuses method, log, dotted method paths and prototype names at evaluation too', () => {
    // Even if someone registers `method` with json-logic-js, a rule cannot reach it.
    jsonLogic.add_operation('method', (obj: Record<string, () => unknown>, name: string) => obj[name]!());
    try {
      for (const expression of [
        { method: [{ var: 'farmName' }, 'toUpperCase'] },
        { log: 'x' },
        { 'Math.random': [] },
        { constructor: [] },
        { hasOwnProperty: ['x'] },
        { '==': [1, JSON.parse('{"__proto__": []}')] },
        { if: [true, { method: ['x', 'toString'] }, 1] },
      ]) {
        expect(() => evaluateExpression(expression, data)).toThrow(RulesError);
      }
    } finally {
      jsonLogic.rm_operation('method');
    }
  });

  it('evaluates the allowed families', () => {
    expect(evaluateExpression({ cat: [{ substr: [{ var: 'farmName' }, 0, 2] }, '-', { max: [1, 3] }] }, data)).toBe('济源-3');
    expect(evaluateExpression({ in: ['pig', { map: [{ var: 'herds' }, { var: 'kind' }] }] }, data)).toBe(true);
    expect(evaluateExpression({ missing: ['farmName', 'headCount'] }, data)).toEqual(['headCount']);
    expect(evaluateExpression({ missing_some: [1, ['farmName', 'headCount']] }, data)).toEqual([]);
    expect(evaluateExpression({ var: ['headCount', 7] }, data)).toBe(7);
    expect(evaluateExpression({ var: 'herds.0.count' }, data)).toBe(3);
    expect(evaluateExpression({ var: 'herds.length' }, data)).toBe(1);
    expect(evaluateExpression({ '*': [] }, data)).toBeNull(); // json-logic-js throws; a failed rule is null
  });
});

describe('no way to prototypes', () => {
  const cases: unknown[] = [
    { var: '__proto__' },
    { var: 'constructor' },
    { var: 'prototype' },
    { var: 'toString' },
    { var: 'hasOwnProperty' },
    { var: 'constructor.constructor' },
    { var: 'herds.constructor' }, // arrays are not null-prototype data
    { var: 'farmName.constructor' }, // nor are strings
    { var: 'nested.__proto__' },
    { var: 'herds.0.constructor' },
    { map: [{ var: 'herds' }, { var: 'constructor' }] },
  ];

  it('evaluates prototype keys to null', () => {
    for (const expression of cases) {
      const result = evaluateExpression(expression, data);
      expect(result === null || (Array.isArray(result) && result.every((x) => x === null))).toBe(true);
    }
    // Even when the data itself has an own `__proto__` key (JSON.parse makes one).
    expect(evaluateExpression({ var: '__proto__' }, JSON.parse('{"__proto__": {"x": 1}}'))).toBeNull();
    expect(evaluateExpression({ var: '__proto__.x' }, JSON.parse('{"__proto__": {"x": 1}}'))).toBeNull();
    expect(evaluateExpression({ missing: ['__proto__', 'constructor'] }, {})).toEqual(['__proto__', 'constructor']);
  });

  it('does not let a rule see prototype keys of form data either', () => {
    const d = formWith({ a: { visibleIf: { '!!': [{ var: 'b' }] } }, b: {} });
    expect(evaluateRules(d, {}).visible.a).toBe(false);
    expect(evaluateRules(d, { b: 'x' }).visible.a).toBe(true);
    const refused = formWith({ a: { visibleIf: { var: 'constructor' } } });
    expect(() => evaluateRules(refused, {})).toThrow(/prototype key/);
  });

  it('leaves json-logic-js built-ins untouched for other users of the module', () => {
    evaluateExpression({ var: 'x' }, {});
    expect(jsonLogic.apply({ var: 'a.b' }, { a: { b: 2 } })).toBe(2);
    expect(jsonLogic.apply({ missing: ['a'] }, {})).toEqual(['a']);
  });
});
