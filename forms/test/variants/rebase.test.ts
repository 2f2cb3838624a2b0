/** rebaseVariant: Beijing v1 onto the v2 base (remarks removed, species retyped, threshold 600, manure plan provincial). */
import { describe, expect, test } from 'vitest';
import { validateDefinition } from '../../src/definition/index.js';
import { rebaseVariant, resolveVariant, VariantError } from '../../src/variants/index.js';
import { clone, farmBaseV1 } from '../definition/fixtures/farmQualification.js';
import { beijingVariant, farmBaseV2 } from './fixtures.js';

describe('Beijing onto base v2', () => {
  const variant = beijingVariant();
  const before = clone(variant);
  const { variant: rebased, conflicts } = rebaseVariant(variant, farmBaseV1(), farmBaseV2());

  test('the fixtures are valid definitions', () => {
    expect(validateDefinition(farmBaseV2()).ok).toBe(true);
  });

  test('every broken overlay entry is listed with its kind and path', () => {
    expect(conflicts.map(({ field, kind, path }) => ({ field, kind, path }))).toEqual([
      { field: 'remarks', kind: 'removed', path: '/overlay/hide/0' },
      { field: 'species', kind: 'retyped', path: '/overlay/relabel/species' },
      { field: 'manureTreatment', kind: 'added-exists', path: '/overlay/add/manureTreatment' },
      { field: 'headCount', kind: 'constraint', path: '/overlay/tighten/headCount/minimum' },
    ]);
    expect(conflicts[1]!.message).toContain('select:string → checkboxes:array<string>');
    expect(conflicts[3]!.message).toBe("minimum 500 is looser than the new base's minimum 600; a variant may only tighten");
    for (const c of conflicts) expect(c.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  test('nothing is dropped: the overlay is kept entire, only the base pointer moves', () => {
    expect(rebased.base).toEqual({ id: 'farm-qualification', version: '2.0.0' });
    expect(rebased.overlay).toEqual(before.overlay);
    expect({ ...rebased, base: before.base }).toEqual(before);
    expect(variant).toEqual(before); // the input is not modified
  });

  test('until the conflicts are settled, the rebased variant does not resolve', () => {
    expect(() => resolveVariant(farmBaseV2(), rebased)).toThrow(VariantError);
  });

  test('once settled by hand, it resolves against v2', () => {
    const settled = clone(rebased);
    settled.overlay.hide = [];
    delete settled.overlay.relabel!.species;
    settled.overlay.tighten = { headCount: { minimum: 800 } };
    delete settled.overlay.add;
    settled.overlay.relabel!.manureTreatment = { label: { zh: '粪污资源化利用方式', en: 'Manure utilisation' } };
    const again = rebaseVariant(settled, farmBaseV2(), farmBaseV2());
    expect(again.conflicts).toEqual([]);
    const { lineage } = resolveVariant(farmBaseV2(), settled);
    expect(lineage.manureTreatment).toBe('overridden');
  });
});

describe('other conflicts', () => {
  test('a minor base release that only adds a field gives no conflicts', () => {
    const v11 = farmBaseV1();
    v11.version = '1.1.0';
    (v11.schema.properties as any).vetName = { type: 'string' };
    v11.fields.vetName = { kind: 'text', label: { zh: '执业兽医', en: 'Licensed vet' } };
    const { variant, conflicts } = rebaseVariant(beijingVariant(), farmBaseV1(), v11);
    expect(conflicts).toEqual([]);
    expect(resolveVariant(v11, variant).definition.version).toBe('1.0.0');
  });

  test('moves, "after", rules and options touching removed or changed fields', () => {
    const v = beijingVariant();
    v.overlay.hide = [];
    v.overlay.move = [{ field: 'remarks', after: 'contactMobile' }];
    v.overlay.add!.manureTreatment!.after = 'remarks';
    v.overlay.rules = { applicantSignature: { visibleIf: { '!=': [{ var: 'remarks' }, ''] } } };
    v.overlay.options = { species: [{ value: 'pig', label: { zh: '生猪', en: 'Pigs' } }] };
    const v2 = farmBaseV2();
    (v2.schema.properties as any).species = { type: 'string', enum: ['pig', 'cattle'], maxLength: 2 };
    v2.fields.species!.kind = 'select';
    v2.fields.species!.options = v2.fields.species!.options!.slice(0, 2);
    const { conflicts } = rebaseVariant(v, farmBaseV1(), v2);
    expect(conflicts.map(({ field, kind, path }) => [field, kind, path])).toEqual([
      ['remarks', 'removed', '/overlay/move/0/field'],
      ['manureTreatment', 'added-exists', '/overlay/add/manureTreatment'],
      ['remarks', 'removed', '/overlay/add/manureTreatment/after'],
      ['headCount', 'constraint', '/overlay/tighten/headCount/minimum'],
      ['species', 'constraint', '/overlay/options/species/0/value'],
      ['remarks', 'removed', '/overlay/rules/applicantSignature'],
    ]);
  });

  test('a variant of another base, or a "new" base of another form, is refused', () => {
    expect(() => rebaseVariant(beijingVariant(), farmBaseV2(), farmBaseV2())).toThrow(VariantError);
    const other = farmBaseV2();
    other.id = 'slaughterhouse-qualification';
    expect(() => rebaseVariant(beijingVariant(), farmBaseV1(), other)).toThrow(/无法变基区域变体.* \/ Cannot rebase regional variant/);
  });
});
