/** validateDefinition on the realistic base form and on malformed definitions (each with a precise path). */
import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../../src/definition/index.js';
import type { FormDefinition, Issue } from '../../src/definition/index.js';
import { clone, farmBaseV1 } from './fixtures/farmQualification.js';
import { createEngineValidator } from '../../src/engineValidator.js';
import { FormDefinitionError } from '../../src/validation/index.js';

/** Issues of a definition edited from the valid base. */
function issuesOf(edit: (d: any) => void): Issue[] {
  const d = farmBaseV1() as any;
  edit(d);
  const result = validateDefinition(d);
  if (result.ok) throw new Error('expected issues, got ok');
  return result.issues;
}
const paths = (issues: Issue[]) => issues.map((i) => i.path);

describe('valid definitions', () => {
  test('the farm qualification base form passes and is returned as given', () => {
    const base = farmBaseV1();
    const result = validateDefinition(base);
    expect(result).toEqual({ ok: true, definition: base });
    expect(result.ok && result.definition).toBe(base);
  });

  test('JSON text is parsed and checked the same way', () => {
    const result = validateDefinition(JSON.stringify(farmBaseV1()));
    expect(result.ok).toBe(true);
    expect(result.ok && result.definition.fields.headCount?.unit).toEqual({ zh: '头', en: 'head' });
  });

  test('labels containing HTML or script are text: allowed and kept verbatim', () => {
    const d = farmBaseV1();
    const label = { zh: '<b>养殖场</b><script>alert(1)</script>', en: '<img src=x onerror=alert(1)>' };
    d.fields.farmName!.label = label;
    const result = validateDefinition(d);
    expect(result.ok).toBe(true);
    expect(result.ok && result.definition.fields.farmName!.label).toEqual(label);
  });

  test('select options from a dictionary need no enum; fields may stay out of the layout', () => {
    const d = farmBaseV1();
    d.fields.species = { kind: 'select', label: { zh: '畜种', en: 'Species' }, optionsFrom: 'species' };
    d.schema.properties = { ...(d.schema.properties as object), species: { type: 'string' } };
    d.layout = { type: 'section', children: [{ type: 'field', field: 'farmName' }] };
    expect(validateDefinition(d).ok).toBe(true);
  });

  test('signature may be a file reference; number kind accepts integer schemas; computed with compute', () => {
    const d = farmBaseV1();
    const props = d.schema.properties as Record<string, any>;
    props.applicantSignature = { $ref: '#/$defs/fileRef' };
    props.density = { type: 'integer' };
    d.fields.density = { kind: 'number', label: { zh: '密度', en: 'Density' } };
    props.total = { type: 'integer' };
    d.fields.total = { kind: 'computed', label: { zh: '合计', en: 'Total' } };
    d.rules!.total = { compute: { reduce: [{ var: 'herd' }, { '+': [{ var: 'accumulator' }, { var: 'current.count' }] }, 0] } };
    expect(validateDefinition(d)).toMatchObject({ ok: true });
  });
});

describe('shape errors (meta-schema) carry precise pointers', () => {
  test('missing id and a label without English', () => {
    const issues = issuesOf((d) => {
      delete d.id;
      delete d.fields.farmName.label.en;
    });
    expect(paths(issues)).toEqual(expect.arrayContaining(['/id', '/fields/farmName/label/en']));
    const missing = issues.find((i) => i.path === '/id')!;
    expect(missing.message).toContain('missing required property "id"');
    expect(missing.messageZh).toContain('缺少必需属性');
  });

  test('a misspelled field setting is refused, not ignored', () => {
    const issues = issuesOf((d) => (d.fields.headCount.unitt = { zh: '头', en: 'head' }));
    expect(issues).toEqual([expect.objectContaining({ path: '/fields/headCount/unitt', message: expect.stringContaining('not allowed') })]);
  });

  test('unknown widget kind is named and the known kinds are listed', () => {
    const issues = issuesOf((d) => (d.fields.species.kind = 'cascader'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('/fields/species/kind');
    expect(issues[0]!.message).toMatch(/unknown field kind "cascader"; known kinds: text, textarea, .*computed/);
    expect(issues[0]!.messageZh).toContain('未知的字段控件类型 "cascader"');
  });

  test('unknown layout node type, and empty tabs / steps', () => {
    const bad = issuesOf((d) => d.layout.steps[0].children[0].children.push({ type: 'grid', children: [] }));
    expect(bad).toEqual([expect.objectContaining({ path: '/layout/steps/0/children/0/children/6/type', message: expect.stringContaining('unknown layout node type "grid"') })]);
    expect(paths(issuesOf((d) => (d.layout = { type: 'tabs', tabs: [] })))).toEqual(['/layout/tabs']);
    expect(paths(issuesOf((d) => (d.layout.steps = [])))).toEqual(['/layout/steps']);
  });
});

describe('semantic errors', () => {
  test('schema root must be an object with properties', () => {
    expect(paths(issuesOf((d) => (d.schema.type = 'array')))).toContain('/schema/type');
    expect(paths(issuesOf((d) => delete d.schema.properties))).toContain('/schema/properties');
  });

  test('the data schema must itself be valid JSON Schema 2020-12', () => {
    const issues = issuesOf((d) => (d.schema.properties.headCount.minimum = 'three hundred'));
    expect(paths(issues)).toEqual(['/schema/properties/headCount/minimum']);
  });

  test('every property has a field and every field a property', () => {
    const issues = issuesOf((d) => {
      d.schema.properties.vetName = { type: 'string' };
      d.fields.stockingDensity = { kind: 'number', label: { zh: '饲养密度', en: 'Stocking density' } };
    });
    expect(paths(issues)).toEqual(['/fields/vetName', '/schema/properties/stockingDensity']);
  });

  test('required names must be declared properties', () => {
    expect(paths(issuesOf((d) => d.schema.required.push('vetName')))).toEqual(['/schema/required/6']);
  });

  test('kind ↔ type: integer kind on a string schema, number kind on boolean', () => {
    const issues = issuesOf((d) => {
      d.schema.properties.headCount.type = 'string';
      delete d.schema.properties.headCount.minimum;
      delete d.schema.properties.headCount.maximum;
    });
    expect(issues).toEqual([expect.objectContaining({ path: '/schema/properties/headCount/type', message: expect.stringContaining('kind "integer" needs schema type integer') })]);
  });

  test('select options and enum must list the same values', () => {
    const issues = issuesOf((d) => {
      d.schema.properties.species.enum = ['pig', 'cattle', 'sheep', 'camel'];
    });
    expect(paths(issues)).toEqual(['/fields/species/options/3/value', '/schema/properties/species/enum/3']);
    expect(paths(issuesOf((d) => delete d.schema.properties.species.enum))).toEqual(['/schema/properties/species/enum']);
    expect(paths(issuesOf((d) => delete d.fields.species.options))).toEqual(['/fields/species']);
  });

  test('checkboxes need an array of enum values', () => {
    const issues = issuesOf((d) => (d.fields.species.kind = 'checkboxes'));
    expect(paths(issues)).toEqual(['/schema/properties/species/type']);
    const ok = farmBaseV1() as any;
    ok.fields.species.kind = 'checkboxes';
    ok.schema.properties.species = { type: 'array', items: { type: 'string', enum: ['pig', 'cattle', 'sheep', 'poultry'] }, uniqueItems: true };
    expect(validateDefinition(ok).ok).toBe(true);
  });

  test('rows: a column for each item property and no column without one', () => {
    const issues = issuesOf((d) => {
      d.schema.properties.herd.items.properties.breed = { type: 'string' };
      d.fields.herd.columns.weight = { kind: 'number', label: { zh: '体重', en: 'Weight' } };
    });
    expect(paths(issues)).toEqual(['/fields/herd/columns/breed', '/fields/herd/columns/weight']);
    const nested = issuesOf((d) => (d.fields.herd.columns.count.kind = 'text'));
    expect(paths(nested)).toEqual(['/schema/properties/herd/items/properties/count/type']);
  });

  test('attachments items must be file references {id, name, type, size}', () => {
    const issues = issuesOf((d) => {
      delete d.schema.$defs.fileRef.properties.size;
      d.schema.$defs.fileRef.required = ['id', 'name', 'type'];
    });
    expect(paths(issues)).toEqual(['/schema/properties/licenses/items/properties/size', '/schema/properties/licenses/items/required']);
  });

  test('dateRange must be {start, end} dates; date needs format date; signature a string or file ref', () => {
    expect(paths(issuesOf((d) => (d.schema.properties.breedingPeriod = { type: 'array', items: { type: 'string' } })))).toEqual(['/schema/properties/breedingPeriod']);
    expect(paths(issuesOf((d) => delete d.schema.properties.breedingPeriod.properties.end.format))).toEqual(['/schema/properties/breedingPeriod/properties/end']);
    const date = issuesOf((d) => {
      d.schema.properties.inspectedOn = { type: 'string' };
      d.fields.inspectedOn = { kind: 'date', label: { zh: '检查日期', en: 'Inspected on' } };
    });
    expect(paths(date)).toEqual(['/schema/properties/inspectedOn/format']);
    expect(paths(issuesOf((d) => (d.schema.properties.applicantSignature = { type: 'number' })))).toEqual(['/schema/properties/applicantSignature']);
  });

  test('settings of another kind and computed without compute', () => {
    expect(paths(issuesOf((d) => (d.fields.farmName.options = [{ value: 'a', label: { zh: 'a', en: 'a' } }])))).toEqual(['/fields/farmName/options']);
    const computed = issuesOf((d) => (d.fields.remarks.kind = 'computed'));
    expect(paths(computed)).toEqual(['/fields/remarks/kind']);
  });

  test('rules for unknown fields', () => {
    expect(paths(issuesOf((d) => (d.rules.vetName = { visibleIf: true })))).toEqual(['/rules/vetName']);
  });

  test('layout: unknown field and field placed twice', () => {
    const issues = issuesOf((d) => {
      d.layout.steps[1].children[0].children.push({ type: 'field', field: 'vetName' }, { type: 'field', field: 'farmName' });
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: '/layout/steps/1/children/0/children/4/field', message: expect.stringContaining('unknown field "vetName"') }),
      expect.objectContaining({
        path: '/layout/steps/1/children/0/children/5/field',
        message: 'field "farmName" is placed twice (first at /layout/steps/0/children/0/children/0/field)',
      }),
    ]);
  });

  test('refs must be local and resolve; an invalid regex is reported where it is', () => {
    expect(paths(issuesOf((d) => (d.schema.properties.licenses.items = { $ref: 'https://example.com/file.json' })))).toEqual(['/schema/properties/licenses/items/$ref']);
    expect(paths(issuesOf((d) => (d.schema.properties.licenses.items = { $ref: '#/$defs/missing' })))).toEqual(['/schema/properties/licenses/items/$ref']);
    const regex = issuesOf((d) => (d.schema.properties.creditCode.pattern = '^[0-9'));
    expect(regex).toEqual([expect.objectContaining({ path: '/schema/properties/creditCode/pattern', message: expect.stringContaining('invalid regular expression "^[0-9"') })]);
  });

  test('patternProperties keys are regexes too', () => {
    const issues = issuesOf((d) => (d.schema.properties.breedingPeriod.patternProperties = { '(?<': {} }));
    expect(paths(issues)).toEqual(['/schema/properties/breedingPeriod/patternProperties/(?<']);
  });

  test('other JSON Schema dialects are refused', () => {
    expect(paths(issuesOf((d) => (d.schema.$schema = 'http://json-schema.org/draft-07/schema#')))).toEqual(['/schema/$schema']);
  });

  test('every issue is bilingual', () => {
    const issues = issuesOf((d) => {
      d.fields.species.kind = 'cascader';
      delete d.title.zh;
      d.layout.steps[0].title = 'x';
    });
    expect(issues.length).toBeGreaterThanOrEqual(3);
    for (const i of issues) {
      expect(i.message.length).toBeGreaterThan(0);
      expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('rules that read each other in a cycle are refused here, as loadForm refuses them', () => {
    const cyclic = (d: any) => {
      d.rules = { farmName: { visibleIf: { var: 'creditCode' } }, creditCode: { visibleIf: { var: 'farmName' } } };
    };
    const issues = issuesOf(cyclic);
    expect(issues).toEqual([expect.objectContaining({ path: '/rules/farmName/visibleIf', message: expect.stringContaining('dependency cycle: farmName → creditCode → farmName') })]);
    expect(issues[0]!.messageZh).toContain('规则循环依赖');
  });

  test('a broken form handed to the engine validator is thrown as the form\'s fault, with its issues', () => {
    const broken = farmBaseV1() as any;
    broken.rules = { farmName: { compute: { '+': [{ var: 'farmName' }, 1] } } };
    const validate = createEngineValidator(() => broken as FormDefinition);
    const call = () => validate({ id: broken.id }, { farmName: 'x' }, { region: 'jiyuan', pins: {} });
    expect(call).toThrow(FormDefinitionError);
    expect(call).toThrow(/dependency cycle: farmName → farmName/);
  });

  test('does not mutate its input', () => {
    const d: FormDefinition = farmBaseV1();
    const before = clone(d);
    validateDefinition(d);
    expect(d).toEqual(before);
  });
});
