/** checkContract: does the (regional) form guarantee what the licensing lifecycle reads? */
import { describe, expect, test } from 'vitest';
import type { FormDefinition, JsonSchema } from '../../src/definition/index.js';
import { checkContract, resolveVariant } from '../../src/variants/index.js';
import { farmBaseV1 } from '../definition/fixtures/farmQualification.js';
import { beijingVariant, innerMongoliaVariant, licensingContract } from './fixtures.js';

const props = (d: FormDefinition) => d.schema.properties as Record<string, any>;
const problemPaths = (d: FormDefinition, c: JsonSchema = licensingContract()) => checkContract(d, c).problems.map((p) => p.path);

describe('passing', () => {
  test('the base form and the Beijing variant (minimum 500 ≥ 300) satisfy the licensing contract', () => {
    expect(checkContract(farmBaseV1(), licensingContract())).toEqual({ ok: true, problems: [] });
    expect(checkContract(resolveVariant(farmBaseV1(), beijingVariant()).definition, licensingContract())).toEqual({ ok: true, problems: [] });
  });

  test('finite values are checked exactly; annotations, allOf and anyOf are understood', () => {
    const contract: JsonSchema = {
      type: 'object',
      description: 'annotations are not constraints',
      properties: {
        species: { type: 'string', maxLength: 7, pattern: '^[a-z]+$' },
        headCount: { allOf: [{ minimum: 100 }, { type: 'number' }], anyOf: [{ type: 'string' }, { maximum: 1000000 }] },
        breedingPeriod: { type: 'object', properties: { start: { type: 'string', format: 'date' } } },
        licenses: { type: 'array', items: { type: 'object', required: ['id', 'size'] } },
        farmName: { minimum: 3 }, // does not apply to strings: vacuously true
      },
    };
    expect(checkContract(farmBaseV1(), contract)).toEqual({ ok: true, problems: [] });
  });
});

describe('failing', () => {
  test('a required field the region hides', () => {
    const v = beijingVariant();
    v.overlay.hide = ['contactMobile'];
    const { definition } = resolveVariant(farmBaseV1(), v);
    const { ok, problems } = checkContract(definition, licensingContract());
    expect(ok).toBe(false);
    expect(problems).toEqual([
      {
        path: '/schema/properties/contactMobile',
        message: 'the contract requires "contactMobile", but the form has no such field (hidden or removed)',
        messageZh: '契约要求 "contactMobile"，但表单没有该字段（已隐藏或删除）',
      },
    ]);
  });

  test('a loosened minimum (base edited to 100 head)', () => {
    const d = farmBaseV1();
    props(d).headCount.minimum = 100;
    const { problems } = checkContract(d, licensingContract());
    expect(problems).toEqual([
      expect.objectContaining({ path: '/schema/properties/headCount/minimum', message: "headCount: the contract needs minimum 300; the form's 100 is looser" }),
    ]);
  });

  test('a widened enum (Inner Mongolia adds camels)', () => {
    const { definition } = resolveVariant(farmBaseV1(), innerMongoliaVariant());
    const { problems } = checkContract(definition, licensingContract());
    expect(problems).toEqual([expect.objectContaining({ path: '/schema/properties/species/enum', message: expect.stringContaining('form allows "camel"') })]);
  });

  test('conditional fields: visibleIf, or only requiredIf', () => {
    const d = farmBaseV1();
    d.rules = { contactMobile: { visibleIf: { '>=': [{ var: 'headCount' }, 1000] } }, herd: { requiredIf: { '==': [{ var: 'species' }, 'pig'] } } };
    d.schema.required = (d.schema.required as string[]).filter((k) => k !== 'herd');
    expect(problemPaths(d)).toEqual(['/rules/contactMobile/visibleIf', '/rules/herd/requiredIf']);
  });

  test('a required list inside allOf is held to the same rules as the top-level one', () => {
    const d = farmBaseV1();
    d.rules = { contactMobile: { visibleIf: { '>=': [{ var: 'headCount' }, 1000] } } };
    const contract: JsonSchema = { type: 'object', allOf: [{ required: ['contactMobile'] }] };
    expect(problemPaths(d, contract)).toEqual(['/rules/contactMobile/visibleIf']);
  });

  test('types, patterns, formats, nested rows and array bounds', () => {
    const d = farmBaseV1();
    props(d).creditCode.pattern = '^[0-9A-Z]{18}$';
    props(d).herd.items.properties.count.minimum = -1;
    delete props(d).herd.minItems;
    const contract = licensingContract();
    (contract.properties as any).farmName.type = 'number';
    (contract.properties as any).breedingPeriod = { properties: { end: { format: 'date-time' } } };
    expect(problemPaths(d, contract)).toEqual([
      '/schema/properties/farmName/type',
      '/schema/properties/creditCode/pattern',
      '/schema/properties/herd/minItems',
      '/schema/properties/herd/items/properties/count/minimum',
      '/schema/properties/breedingPeriod/properties/end/format',
    ]);
  });

  test('keywords that cannot be decided are problems, never silent passes', () => {
    const contract: JsonSchema = {
      type: 'object',
      properties: {
        headCount: { if: { minimum: 5000 }, then: { multipleOf: 10 } },
        species: { not: { const: 'poultry' } },
        farmName: { 'x-regulator-check': true },
      },
      dependentRequired: { species: ['herd'] },
    };
    const { ok, problems } = checkContract(farmBaseV1(), contract);
    expect(ok).toBe(false);
    expect(problems.map((p) => p.message)).toEqual([
      'headCount: cannot verify keyword if',
      'headCount: cannot verify keyword then',
      'species: cannot verify keyword not',
      'farmName: cannot verify keyword x-regulator-check',
      '(form): cannot verify keyword dependentRequired',
    ]);
    expect(problems[0]!.messageZh).toBe('headCount：无法验证关键字 if');
  });

  test('a closed contract (additionalProperties: false) rejects the field Beijing added', () => {
    const contract = licensingContract();
    const all = Object.keys(props(farmBaseV1()));
    contract.properties = Object.fromEntries(all.map((k) => [k, (contract.properties as any)[k] ?? true]));
    contract.additionalProperties = false;
    expect(checkContract(farmBaseV1(), contract).ok).toBe(true);
    const { definition } = resolveVariant(farmBaseV1(), beijingVariant());
    const problems = checkContract(definition, contract).problems;
    expect(problems.map((p) => p.path)).toEqual(['/schema/properties/manureTreatment']);
  });

  test('a form that leaves undeclared properties open cannot guarantee contract properties', () => {
    const d = farmBaseV1();
    delete d.schema.additionalProperties;
    const contract = licensingContract();
    (contract.properties as any).vetName = { type: 'string' };
    expect(problemPaths(d, contract)).toEqual(['/schema/properties/vetName']);
  });

  test('a malformed or circular contract is reported, not thrown', () => {
    const contract: JsonSchema = { type: 'object', properties: { a: { $ref: '#/$defs/a' } }, $defs: { a: { properties: { b: { $ref: '#/$defs/a' } } } } };
    const { ok, problems } = checkContract(farmBaseV1(), contract);
    expect(ok).toBe(false);
    expect(problems[0]!.message).toContain('contract: circular $ref');
    expect(checkContract(farmBaseV1(), JSON.parse('{"__proto__": {"x": 1}}')).problems[0]!.path).toBe('/__proto__');
  });
});
