/**
 * Hostile data and hostile definitions: `__proto__` / `constructor` keys are ordinary keys (validated,
 * never polluting prototypes, never satisfied by Object.prototype), and labels are plain text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFormValidator } from '../../src/validation/index.js';
import { defineForm } from './fixtures.js';

afterEach(() => {
  // Nothing we do may leave anything on Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
});

describe('__proto__ in data', () => {
  const closed = createFormValidator(
    defineForm(
      { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false },
      { name: { kind: 'text', label: { zh: '名称', en: 'Name' } } },
    ),
  );
  const open = createFormValidator(
    defineForm({ type: 'object', properties: { name: { type: 'string' } } }, { name: { kind: 'text', label: { zh: '名称', en: 'Name' } } }),
  );

  it('is validated like any other key and pollutes nothing', () => {
    const data = JSON.parse('{"__proto__":{"polluted":1}}') as unknown;
    expect(closed.validate(data).issues).toEqual([
      { path: '/__proto__', message: '__proto__: must NOT have additional properties', messageZh: '__proto__：不允许有额外的属性' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stays an own key through the hidden-field copy', () => {
    const data = JSON.parse('{"name":"x","__proto__":{"polluted":1}}') as unknown;
    expect(closed.validate(data, { skip: new Set(['name']) }).issues.map((issue) => issue.path)).toEqual(['/__proto__']);
    expect(open.validate(data, { skip: new Set(['name']) }).ok).toBe(true); // an unknown key in an open schema
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('in rows too', () => {
    const rows = createFormValidator(
      defineForm(
        { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: false } } } },
        { items: { kind: 'rows', label: { zh: '明细', en: 'Items' }, columns: { n: { kind: 'integer', label: { zh: '数量', en: 'Quantity' } } } } },
      ),
    );
    const data = JSON.parse('{"items":[{"n":1,"__proto__":{"polluted":1}}]}') as unknown;
    expect(rows.validate(data).issues.map((issue) => issue.message)).toEqual(['Items row 1 __proto__: must NOT have additional properties']);
  });
});

describe('constructor / toString as field names', () => {
  const form = defineForm(
    {
      type: 'object',
      required: ['constructor', 'toString'],
      properties: { constructor: { type: 'string', minLength: 1 }, toString: { type: 'string' } },
    },
    // `as const`: TS checks keys named constructor/toString against Object's members and loses FieldSpec's context.
    {
      constructor: { kind: 'text' as const, label: { zh: '建设单位', en: 'Constructor' } },
      toString: { kind: 'text' as const, label: { zh: '说明', en: 'Description' } },
    },
  );
  const validator = createFormValidator(form);

  it('are not satisfied by Object.prototype', () => {
    expect(validator.validate({}).issues).toEqual([
      { path: '/constructor', message: 'Constructor: required', messageZh: '建设单位：必填' },
      { path: '/toString', message: 'Description: required', messageZh: '说明：必填' },
    ]);
    expect(validator.validate({}, { fields: ['constructor'] }).issues.map((issue) => issue.path)).toEqual(['/constructor']);
  });

  it('are validated like any other key', () => {
    expect(validator.validate(JSON.parse('{"constructor":5,"toString":"x"}')).issues).toEqual([
      { path: '/constructor', message: 'Constructor: must be text', messageZh: '建设单位：应为文本' },
    ]);
    expect(validator.validate({ constructor: '农安建设', toString: 'x' }).ok).toBe(true);
    expect(validator.validate({ constructor: 5 }, { fields: ['constructor'] }).issues[0]?.path).toBe('/constructor');
  });

  it('an undescribed key such as `hasOwnProperty` in data is just a key', () => {
    expect(validator.validate({ constructor: 'a', toString: 'b', hasOwnProperty: 1 }).ok).toBe(true);
  });
});

describe('labels are text', () => {
  it('returns a label containing <script> verbatim, neither escaped nor interpreted', () => {
    const label = { zh: '<script>alert("中")</script>数量', en: '<img src=x onerror=alert(1)>Qty' };
    const validator = createFormValidator(
      defineForm({ type: 'object', required: ['q'], properties: { q: { type: 'integer' } } }, { q: { kind: 'integer', label } }),
    );
    const [issue] = validator.validate({ q: 'x' }).issues;
    expect(issue).toEqual({ path: '/q', message: `${label.en}: must be a whole number`, messageZh: `${label.zh}：应为整数` });
  });
});
