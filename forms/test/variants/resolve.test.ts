/** resolveVariant: Beijing and Inner Mongolia overlays on 养殖场资质申请, and every refusal. */
import { describe, expect, test } from 'vitest';
import { validateDefinition, walkLayout } from '../../src/definition/index.js';
import type { FormDefinition, Issue, LayoutNode } from '../../src/definition/index.js';
import { resolveVariant, VariantError } from '../../src/variants/index.js';
import type { FormVariant } from '../../src/variants/index.js';
import { clone, farmBaseV1 } from '../definition/fixtures/farmQualification.js';
import { beijingVariant, innerMongoliaVariant } from './fixtures.js';

function placed(layout: LayoutNode): string[] {
  const out: string[] = [];
  walkLayout(layout, '', (n) => n.type === 'field' && out.push(n.field));
  return out;
}
const props = (d: FormDefinition) => d.schema.properties as Record<string, any>;

/** The VariantError thrown for a Beijing variant edited by `edit`. */
function refusal(edit: (v: FormVariant) => void, base = farmBaseV1()): VariantError {
  const v = beijingVariant();
  edit(v);
  try {
    resolveVariant(base, v);
  } catch (error) {
    expect(error).toBeInstanceOf(VariantError);
    return error as VariantError;
  }
  throw new Error('expected a VariantError');
}
const paths = (issues: Issue[]) => issues.map((i) => i.path);

describe('Beijing variant', () => {
  const base = farmBaseV1();
  const before = clone(base);
  const { definition, lineage } = resolveVariant(base, beijingVariant());

  test('the result is a valid plain definition named after the variant; the base is untouched', () => {
    expect(validateDefinition(definition).ok).toBe(true);
    expect(definition.id).toBe('farm-qualification-beijing');
    expect(definition.version).toBe('1.0.0');
    expect(base).toEqual(before);
  });

  test('hidden remarks leave schema, fields, rules and layout', () => {
    expect(props(definition).remarks).toBeUndefined();
    expect(definition.fields.remarks).toBeUndefined();
    expect(definition.rules?.remarks).toBeUndefined();
    expect(placed(definition.layout)).not.toContain('remarks');
  });

  test('relabel replaces only the given texts', () => {
    expect(definition.fields.farmName).toEqual({
      kind: 'text',
      label: { zh: '养殖场（单位）名称', en: 'Farm (entity) name' },
      help: { zh: '与营业执照一致', en: 'As on the business licence' },
    });
    expect(definition.fields.species?.options).toHaveLength(4);
  });

  test('headCount minimum tightened from 300 to 500, the rest of its schema kept', () => {
    expect(props(definition).headCount).toEqual({ type: 'integer', minimum: 500, maximum: 1000000 });
    expect(definition.fields.headCount?.unit).toEqual({ zh: '头', en: 'head' });
  });

  test('the added field is required and placed right after headCount (inside its columns)', () => {
    expect(definition.schema.required).toContain('manureTreatment');
    expect(placed(definition.layout).slice(2, 5)).toEqual(['species', 'headCount', 'manureTreatment']);
    const columns = (definition.layout as any).steps[0].children[0].children[2];
    expect(columns.children.map((n: any) => n.field)).toEqual(['species', 'headCount', 'manureTreatment']);
  });

  test('lineage of every field', () => {
    expect(lineage).toEqual({
      farmName: 'overridden',
      creditCode: 'inherited',
      species: 'overridden',
      headCount: 'overridden',
      contactMobile: 'inherited',
      address: 'inherited',
      breedingPeriod: 'inherited',
      herd: 'inherited',
      licenses: 'inherited',
      remarks: 'hidden',
      applicantSignature: 'inherited',
      manureTreatment: 'added',
    });
  });
});

describe('tightening may only tighten', () => {
  test('a looser minimum (300 → 200) is refused, not applied', () => {
    const error = refusal((v) => (v.overlay.tighten = { headCount: { minimum: 200 } }));
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: '/overlay/tighten/headCount/minimum',
        message: "minimum 200 is looser than the base's minimum 300; a variant may only tighten",
        messageZh: '最小值 200 比基础表单的最小值 300 更宽松；区域变体只能收紧约束',
      }),
    ]);
    expect(error.message).toMatch(/^区域变体无法解析：.* \/ Regional variant cannot be resolved: /);
  });

  test('looser lengths, a range left empty, and keywords that do not fit the type', () => {
    const error = refusal((v) => {
      v.overlay.tighten = {
        farmName: { maxLength: 200 },
        headCount: { minimum: 2000000 },
        herd: { minItems: 0 },
        contactMobile: { minimum: 1 },
      };
    });
    expect(paths(error.issues)).toEqual([
      '/overlay/tighten/farmName/maxLength',
      '/overlay/tighten/headCount/minimum',
      '/overlay/tighten/herd/minItems',
      '/overlay/tighten/contactMobile/minimum',
    ]);
    expect(error.issues[1]!.message).toContain('would accept no value');
  });

  test('a pattern is allowed where the base has none, refused where it has another', () => {
    const ok = beijingVariant();
    ok.overlay.tighten = { address: { pattern: '^110' }, licenses: { maxItems: 5, minItems: 1 }, remarks: undefined as never };
    delete ok.overlay.tighten.remarks;
    ok.overlay.tighten.applicantSignature = { required: true };
    const { definition } = resolveVariant(farmBaseV1(), ok);
    expect(props(definition).address.pattern).toBe('^110');
    expect(props(definition).licenses).toMatchObject({ minItems: 1, maxItems: 5 });
    expect(definition.schema.required).toContain('applicantSignature');

    const error = refusal((v) => (v.overlay.tighten = { creditCode: { pattern: '^91' } }));
    expect(paths(error.issues)).toEqual(['/overlay/tighten/creditCode/pattern']);
  });
});

test('tightening a property defined by $ref inlines it, leaving the shared $defs untouched', () => {
  const base = farmBaseV1();
  (base.schema.$defs as any).name = { type: 'string', minLength: 2, maxLength: 100 };
  props(base).farmName = { $ref: '#/$defs/name' };
  const v = beijingVariant();
  v.overlay.tighten = { farmName: { maxLength: 50 } };
  const { definition } = resolveVariant(base, v);
  expect(props(definition).farmName).toEqual({ type: 'string', minLength: 2, maxLength: 50 });
  expect((definition.schema.$defs as any).name.maxLength).toBe(100);
});

describe('options', () => {
  test('Inner Mongolia adds camels: options and enum replaced together', () => {
    const { definition, lineage } = resolveVariant(farmBaseV1(), innerMongoliaVariant());
    expect(props(definition).species.enum).toEqual(['pig', 'cattle', 'sheep', 'poultry', 'camel']);
    expect(definition.fields.species!.options!.at(-1)).toEqual({ value: 'camel', label: { zh: '骆驼', en: 'Camels' } });
    expect(lineage.species).toBe('overridden');
  });

  test('values that do not fit the schema type, duplicates, and options on a text field are refused', () => {
    const error = refusal((v) => {
      v.overlay.options = {
        species: [
          { value: 'pig', label: { zh: '生猪', en: 'Pigs' } },
          { value: 7, label: { zh: '七', en: 'Seven' } },
          { value: 'pig', label: { zh: '猪', en: 'Pig' } },
        ],
        farmName: [{ value: 'x', label: { zh: 'x', en: 'x' } }],
      };
    });
    expect(paths(error.issues)).toEqual(['/overlay/options/species/1/value', '/overlay/options/species/2/value', '/overlay/options/farmName']);
  });

  test('checkboxes: the items enum is replaced', () => {
    const base = farmBaseV1();
    base.fields.species!.kind = 'checkboxes';
    props(base).species = { type: 'array', items: { type: 'string', enum: ['pig', 'cattle', 'sheep', 'poultry'] } };
    const v = innerMongoliaVariant();
    const { definition } = resolveVariant(base, v);
    expect(props(definition).species.items.enum).toContain('camel');
  });
});

describe('layout edits and overlay references', () => {
  test('move places a field after another; an added field without "after" ends the first section', () => {
    const v = beijingVariant();
    v.overlay.move = [{ field: 'contactMobile', after: 'farmName' }];
    delete v.overlay.add!.manureTreatment!.after;
    const { definition, lineage } = resolveVariant(farmBaseV1(), v);
    const order = placed(definition.layout);
    expect(order.slice(0, 3)).toEqual(['farmName', 'contactMobile', 'creditCode']);
    expect(order.indexOf('manureTreatment')).toBe(order.indexOf('breedingPeriod') + 1);
    expect(lineage.contactMobile).toBe('overridden');
  });

  test('an added field may take the place of a hidden one', () => {
    const v = beijingVariant();
    v.overlay.add!.manureTreatment!.after = 'remarks';
    const order = placed(resolveVariant(farmBaseV1(), v).definition.layout);
    expect(order.indexOf('manureTreatment')).toBe(order.indexOf('licenses') + 1);
  });

  test('all reference problems are reported together', () => {
    const error = refusal((v) => {
      v.overlay.hide = ['remarks', 'vetName'];
      v.overlay.relabel!.remarks = { label: { zh: '说明', en: 'Notes' } };
      v.overlay.tighten = { herdSize: { minimum: 1 } };
      v.overlay.move = [{ field: 'farmName', after: 'nowhere' }];
      v.overlay.add!.farmName = { schema: { type: 'string' }, field: { kind: 'text', label: { zh: 'x', en: 'x' } } };
      v.overlay.add!.manureTreatment!.after = 'vet';
    });
    expect(paths(error.issues)).toEqual([
      '/overlay/hide/1',
      '/overlay/add/manureTreatment/after',
      '/overlay/add/farmName',
      '/overlay/move/0/after',
      '/overlay/relabel/remarks',
      '/overlay/tighten/herdSize',
    ]);
    expect(error.issues[4]!.message).toContain('hidden by this variant');
  });

  test('hiding a field another rule still reads is refused until that rule is overridden', () => {
    const error = refusal((v) => {
      v.overlay.hide = ['species'];
      delete v.overlay.relabel!.species;
    });
    expect(error.issues).toEqual([expect.objectContaining({ path: '/overlay/hide/0', message: expect.stringContaining('still read by rules.remarks.requiredIf') })]);
    const v = beijingVariant();
    v.overlay.hide = ['species'];
    v.overlay.relabel = {};
    v.overlay.rules = { remarks: { requiredIf: { '>=': [{ var: 'headCount' }, 5000] } } };
    const { definition, lineage } = resolveVariant(farmBaseV1(), v);
    expect(definition.rules?.remarks).toEqual({ requiredIf: { '>=': [{ var: 'headCount' }, 5000] } });
    expect(lineage).toMatchObject({ species: 'hidden', remarks: 'overridden' });
  });

  test('an added field whose schema does not fit its kind makes the resolved definition invalid', () => {
    const error = refusal((v) => (v.overlay.add!.manureTreatment!.schema = { type: 'object' }));
    expect(error.message).toContain('The resolved definition is invalid');
    expect(paths(error.issues)).toEqual(['/schema/properties/manureTreatment/type']);
  });
});

describe('variant identity and shape', () => {
  test('a variant of another base version is refused', () => {
    const error = refusal((v) => (v.base.version = '0.9.0'));
    expect(error.issues).toEqual([expect.objectContaining({ path: '/base', message: 'variant is based on farm-qualification@0.9.0, but the base given is farm-qualification@1.0.0' })]);
  });

  test('malformed variants: missing region, unknown overlay operation, __proto__ key', () => {
    expect(paths(refusal((v: any) => delete v.region).issues)).toEqual(['/region']);
    expect(paths(refusal((v: any) => (v.overlay.rename = {})).issues)).toEqual(['/overlay/rename']);
    const polluted = JSON.parse(JSON.stringify(beijingVariant()).replace('"farmName":{"label"', '"__proto__":{"label"'));
    expect(paths(refusal((v) => Object.assign(v, polluted)).issues)).toEqual(['/overlay/relabel/__proto__']);
  });
});
