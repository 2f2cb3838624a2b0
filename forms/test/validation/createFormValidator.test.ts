/**
 * createFormValidator: issues name fields by LABEL (zh / en), keep the JSON pointer in `path`, reach into
 * rows by row number and column label; hidden fields are skipped; a subset of fields validates alone;
 * broken definitions throw FormDefinitionError with every problem placed.
 */
import { describe, expect, it } from 'vitest';
import { FormDefinitionError, createFormValidator } from '../../src/validation/index.js';
import { defineForm, slaughterReport, validReport } from './fixtures.js';

const validator = createFormValidator(slaughterReport);

describe('whole-form validation', () => {
  it('accepts a valid report', () => {
    expect(validator.validate(validReport)).toEqual({ ok: true, issues: [] });
  });

  it('names fields by label, in English by default and in Chinese on request', () => {
    const data = { ...validReport, farmName: '绿', mobile: undefined };
    const en = validator.validate(data);
    expect(en.issues).toEqual([
      { path: '/mobile', message: 'Mobile: required', messageZh: '联系电话：必填' },
      { path: '/farmName', message: 'Farm name: must be at least 2 characters', messageZh: '养殖场名称：至少 2 个字' },
    ]);
    const zh = validator.validate(data, { locale: 'zh-CN' });
    expect(zh.issues.map((issue) => issue.message)).toEqual(['联系电话：必填', '养殖场名称：至少 2 个字']);
    expect(zh.issues.map((issue) => issue.messageZh)).toEqual(en.issues.map((issue) => issue.messageZh));
  });

  it('reaches into rows: row number and column label, pointer kept in path', () => {
    const data = { ...validReport, species: [{ species: 'pig', count: 3 }, { species: 'goat', count: 0 }, { count: 1.5, extra: 1 }] };
    const { issues } = validator.validate(data);
    expect(issues).toEqual([
      { path: '/species/1/species', message: 'Species details row 2 Species: choose one of the options', messageZh: '物种明细 第2行 畜种：请从选项中选择' },
      { path: '/species/1/count', message: 'Species details row 2 Head count: must be at least 1 head', messageZh: '物种明细 第2行 头数：不能少于 1 头' },
      { path: '/species/2/species', message: 'Species details row 3 Species: required', messageZh: '物种明细 第3行 畜种：必填' },
      { path: '/species/2/extra', message: 'Species details row 3 extra: must NOT have additional properties', messageZh: '物种明细 第3行 extra：不允许有额外的属性' },
      { path: '/species/2/count', message: 'Species details row 3 Head count: must be a whole number', messageZh: '物种明细 第3行 头数：应为整数' },
    ]);
  });

  it('reports the whole-form problem without a label and the array problem under the field label', () => {
    expect(validator.validate([]).issues).toEqual([{ path: '', message: 'must be an object', messageZh: '应为对象' }]);
    expect(validator.validate({ ...validReport, species: [] }).issues).toEqual([
      { path: '/species', message: 'Species details: needs at least one entry', messageZh: '物种明细：至少填写 1 项' },
    ]);
  });

  it('evaluates cross-field rules (if/then) and reports the field that is missing, not the `if`', () => {
    const { issues } = validator.validate({ ...validReport, hasDisease: true });
    expect(issues).toEqual([{ path: '/diseaseNote', message: 'Disease note: required', messageZh: '疫病说明：必填' }]);
  });

  it('names the trigger field of dependentRequired', () => {
    const form = defineForm(
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, dependentRequired: { a: ['b'] } },
      { a: { kind: 'text', label: { zh: '承运车辆', en: 'Vehicle' } }, b: { kind: 'text', label: { zh: '驾驶员', en: 'Driver' } } },
    );
    expect(createFormValidator(form).validate({ a: '豫C12345' }).issues).toEqual([
      { path: '/b', message: 'Driver: required when "Vehicle" is filled in', messageZh: '驾驶员：填写「承运车辆」时必填' },
    ]);
  });

  it('never mutates the data', () => {
    const data = structuredClone({ ...validReport, species: [{ species: 'pig', count: 0 }] });
    const before = JSON.stringify(data);
    validator.validate(data, { skip: new Set(['ownerId']) });
    validator.validate(data, { fields: ['species'] });
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('hidden fields (skip)', () => {
  it('a hidden required field is not required', () => {
    const { mobile: _mobile, ...withoutMobile } = validReport;
    expect(validator.validate(withoutMobile).ok).toBe(false);
    expect(validator.validate(withoutMobile, { skip: new Set(['mobile']) })).toEqual({ ok: true, issues: [] });
  });

  it("a hidden field's value is ignored, however wrong", () => {
    const data = { ...validReport, ownerId: 'not an id', species: 'nonsense' };
    expect(validator.validate(data).issues.map((issue) => issue.path)).toEqual(['/ownerId', '/species']);
    expect(validator.validate(data, { skip: new Set(['ownerId', 'species']) }).ok).toBe(true);
  });

  it('a field required by a condition is not required when hidden', () => {
    const data = { ...validReport, hasDisease: true };
    expect(validator.validate(data, { skip: new Set(['diseaseNote']) })).toEqual({ ok: true, issues: [] });
  });
});

describe('subset validation (fields)', () => {
  it('validates only the listed fields', () => {
    const result = validator.validate({ mobile: '12345' }, { fields: ['mobile'] });
    expect(result.issues).toEqual([
      { path: '/mobile', message: 'Mobile: must be an 11-digit mobile number starting with 13–19', messageZh: '联系电话：应为 11 位手机号码，以 13–19 开头' },
    ]);
    expect(validator.validate({ mobile: '13812345678' }, { fields: ['mobile'] })).toEqual({ ok: true, issues: [] });
  });

  it('keeps `required` for the listed fields only', () => {
    expect(validator.validate({}, { fields: ['farmName', 'ownerId'] }).issues).toEqual([
      { path: '/farmName', message: 'Farm name: required', messageZh: '养殖场名称：必填' },
    ]);
    expect(validator.validate({}, { fields: ['farmName'], skip: new Set(['farmName']) }).ok).toBe(true);
  });

  it('resolves $ref into the root schema and reports nested rows', () => {
    const { issues } = validator.validate({ species: [{ species: 'pig', count: 0 }] }, { fields: ['species'], locale: 'zh-CN' });
    expect(issues).toEqual([{ path: '/species/0/count', message: '物种明细 第1行 头数：不能少于 1 头', messageZh: '物种明细 第1行 头数：不能少于 1 头' }]);
  });

  it('gives the same per-field answer on repeated calls (validators are cached) and ignores unknown names', () => {
    for (let i = 0; i < 3; i++) {
      expect(validator.validate({ quarantineNo: 'x' }, { fields: ['quarantineNo', 'noSuchField'] }).issues.map((issue) => issue.path)).toEqual([
        '/quarantineNo',
      ]);
    }
  });

  it('does not evaluate root-level cross-field rules (the whole-form validation does)', () => {
    const data = { ...validReport, hasDisease: true };
    expect(validator.validate(data, { fields: ['hasDisease', 'diseaseNote'] }).ok).toBe(true);
    expect(validator.validate(data).ok).toBe(false);
  });

  it('works with a root $id and keys that need escaping in a pointer', () => {
    const form = defineForm(
      { $id: 'https://nongan.example/forms/feed', type: 'object', required: ['a/b'], properties: { 'a/b': { type: 'integer' }, 饲料: { type: 'string', maxLength: 2 } } },
      { 'a/b': { kind: 'integer', label: { zh: '批次', en: 'Batch' } }, 饲料: { kind: 'text', label: { zh: '饲料', en: 'Feed' } } },
    );
    const feed = createFormValidator(form);
    expect(feed.validate({ 'a/b': 'x', 饲料: '玉米豆粕' }, { fields: ['a/b', '饲料'] }).issues).toEqual([
      { path: '/a~1b', message: 'Batch: must be a whole number', messageZh: '批次：应为整数' },
      { path: '/饲料', message: 'Feed: must be at most 2 characters', messageZh: '饲料：最多 2 个字' },
    ]);
    expect(feed.validate({}, { fields: ['a/b'] }).issues[0]?.path).toBe('/a~1b');
  });
});

describe('definition errors', () => {
  function issuesOf(schema: Record<string, unknown>): Array<{ path: string; message: string; messageZh: string }> {
    const form = defineForm(schema, { x: { kind: 'text', label: { zh: 'X', en: 'X' } } });
    try {
      createFormValidator(form);
    } catch (error) {
      expect(error).toBeInstanceOf(FormDefinitionError);
      expect((error as Error).message).toMatch(/^表单定义 test-form@1\.0\.0 无效：.+ \/ Invalid form definition test-form@1\.0\.0: .+/);
      return (error as FormDefinitionError).issues;
    }
    throw new Error('expected the definition to be refused');
  }

  it('refuses an unknown format, with its path', () => {
    expect(issuesOf({ type: 'object', properties: { x: { type: 'string', format: 'cn-phone' } } })).toEqual([
      { path: '/schema/properties/x/format', message: '/schema/properties/x/format: unknown format "cn-phone"', messageZh: '/schema/properties/x/format：未知的格式 "cn-phone"' },
    ]);
  });

  it('refuses unknown keywords (typos) everywhere, all at once', () => {
    const issues = issuesOf({ type: 'object', properties: { x: { type: 'string', minLenght: 2 } }, $defs: { y: { maxValue: 3 } } });
    expect(issues.map((issue) => issue.path)).toEqual(['/schema/properties/x/minLenght', '/schema/$defs/y/maxValue']);
    expect(issues[0]?.messageZh).toBe('/schema/properties/x/minLenght：未知的关键字 "minLenght"');
  });

  it('refuses a schema that is not valid JSON Schema', () => {
    const issues = issuesOf({ type: 'object', properties: { x: { type: 'strin' } } });
    expect(issues[0]?.path).toBe('/schema/properties/x/type');
    expect(issues[0]?.message).toMatch(/not valid JSON Schema 2020-12/);
  });

  it('refuses a $ref that points nowhere', () => {
    expect(issuesOf({ type: 'object', properties: { x: { $ref: '#/$defs/missing' } } })[0]?.path).toBe('/schema/properties/x/$ref');
  });

  it('refuses external references and other dialects (a form is self-contained 2020-12)', () => {
    const external = issuesOf({ type: 'object', properties: { x: { $ref: 'common.json#/$defs/mobile' } } });
    expect(external[0]).toMatchObject({ path: '/schema/properties/x/$ref' });
    expect(external[0]?.message).toMatch(/only references within this schema/);
    const draft7 = issuesOf({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
    expect(draft7[0]?.path).toBe('/schema/$schema');
    expect(() =>
      createFormValidator(defineForm({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }, {})),
    ).not.toThrow();
  });

  it('refuses a property named __proto__ (Ajv would silently never validate it)', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}') as Record<string, unknown>;
    expect(issuesOf(schema)[0]?.path).toBe('/schema/properties/__proto__');
  });
});

describe('rule-driven requirements', () => {
  it('requires fields named in `require` (requiredIf), in whole and subset validation, unless hidden', () => {
    const data = { ...validReport, quarantineNo: undefined };
    const require = new Set(['quarantineNo']);
    expect(validator.validate(data).ok).toBe(true);
    expect(validator.validate(data, { require }).issues).toEqual([
      { path: '/quarantineNo', message: 'Quarantine certificate no.: required', messageZh: '检疫证号：必填' },
    ]);
    expect(validator.validate(data, { require, fields: ['quarantineNo'] }).issues).toHaveLength(1);
    expect(validator.validate(data, { require, fields: ['farmName'] }).issues).toEqual([]);
    expect(validator.validate(data, { require, skip: new Set(['quarantineNo']) }).issues).toEqual([]);
  });
});
