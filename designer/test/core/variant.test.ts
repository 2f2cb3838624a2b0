import { describe, expect, it } from 'vitest';
import {
  addVariantField,
  checkPublishable,
  createDesignerSession,
  DesignerError,
  rebaseOnto,
  relabel,
  setHidden,
  settleConflict,
  startVariant,
  tighten,
  resolveDraft,
  setVariantOptions,
  setVariantRules,
} from '../../src/index.js';
import { allKindsForm, expectLoads } from '../fixtures.js';

const contract = { type: 'object', required: ['farmName', 'headCount'], properties: { headCount: { type: 'integer', minimum: 0 } } };

function beijingSession() {
  const base = allKindsForm();
  return createDesignerSession(base, startVariant(base, 'beijing'));
}

describe('variant mode', () => {
  it('hides a field and tightens a constraint; the overlay stores only differences; lineage per field', () => {
    const s = beijingSession();
    s.execute(setHidden('address', true));
    s.execute(tighten('headCount', { maximum: 500_000 }));
    s.execute(tighten('farmName', { minLength: 2 })); // equal to the base: not a difference
    s.execute(relabel('mobile', { label: { zh: '联系电话', en: 'Mobile' } })); // equal to the base
    s.execute(relabel('uscc', { label: { zh: '信用代码（北京）', en: 'Credit code (Beijing)' } }));
    const draft = s.getSnapshot().state.variant!;
    expect(draft.variant.overlay).toEqual({
      hide: ['address'],
      tighten: { headCount: { maximum: 500_000 } },
      relabel: { uscc: { label: { zh: '信用代码（北京）', en: 'Credit code (Beijing)' } } },
    });
    const resolved = resolveDraft(draft);
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expectLoads(resolved.definition);
    expect(resolved.lineage).toMatchObject({ address: 'hidden', headCount: 'overridden', uscc: 'overridden', farmName: 'inherited' });
    expect(resolved.definition.id).toBe('farm-registration-beijing');
    expect(checkPublishable(s.getSnapshot().state, { 'farm-registration': contract }).ok).toBe(true);
    s.undo();
    s.undo();
    s.undo();
    s.undo();
    expect(s.getSnapshot().state.variant!.variant.overlay).toEqual({ hide: ['address'] });
  });

  it('a looser constraint does not resolve and blocks publishing with bilingual reasons', () => {
    const s = beijingSession();
    s.execute(tighten('headCount', { maximum: 2_000_000 }));
    const check = checkPublishable(s.getSnapshot().state);
    expect(check.ok).toBe(false);
    expect(check.issues[0]?.path).toBe('/overlay/tighten/headCount/maximum');
    expect(check.issues[0]?.messageZh).toContain('宽松');
  });

  it('the lifecycle contract blocks publishing a variant that hides a field the contract requires', () => {
    const s = beijingSession();
    s.execute(setHidden('headCount', true));
    // largeFarm's compute reads headCount: the variant must override that rule too.
    let check = checkPublishable(s.getSnapshot().state, { 'farm-registration': contract });
    expect(check.ok).toBe(false);
    s.undo();
    s.execute(setHidden('uscc', true));
    check = checkPublishable(s.getSnapshot().state, { 'farm-registration': { ...contract, required: ['farmName', 'uscc'] } });
    expect(check.ok).toBe(false);
    expect(check.contract?.ok).toBe(false);
    expect(check.issues.some((i) => i.path === '/schema/properties/uscc' && i.messageZh.startsWith('流程数据契约'))).toBe(true);
    expect(checkPublishable(s.getSnapshot().state, {}).ok).toBe(true);
  });

  it('adds a regional field after a base field', () => {
    const s = beijingSession();
    s.execute(addVariantField('text', { key: 'manurePlan', after: 'address', required: true }));
    const resolved = resolveDraft(s.getSnapshot().state.variant!);
    expect(resolved.ok && resolved.lineage.manurePlan).toBe('added');
    expect(() => s.execute(addVariantField('text', { key: 'farmName' }))).toThrow(DesignerError);
  });

  it('rebases onto a new base version, lists conflicts, and publishing waits until each is settled', () => {
    const s = beijingSession();
    s.execute(setHidden('address', true));
    s.execute(tighten('area', { maximum: 1000 }));
    s.execute(tighten('headCount', { maximum: 500_000 }));
    const v2 = allKindsForm();
    v2.version = '2.0.0';
    delete (v2.schema.properties as Record<string, unknown>).area;
    delete v2.fields.area;
    const tabs = (v2.layout as { steps: Array<{ children: Array<{ tabs: Array<{ children: Array<{ field: string }> }> }> }> }).steps[1]!.children[0]!.tabs[0]!;
    tabs.children = tabs.children.filter((c) => c.field !== 'area');
    (v2.schema.properties as Record<string, Record<string, unknown>>).headCount!.maximum = 100_000;
    expectLoads(v2);

    s.execute(rebaseOnto(v2));
    const draft = s.getSnapshot().state.variant!;
    expect(draft.variant.base).toEqual({ id: 'farm-registration', version: '2.0.0' });
    expect(draft.conflicts.map((c) => [c.field, c.kind])).toEqual([
      ['area', 'removed'],
      ['headCount', 'constraint'],
    ]);
    expect(checkPublishable(s.getSnapshot().state).ok).toBe(false);
    s.execute(settleConflict(0, 'drop'));
    s.execute(settleConflict(0, 'drop'));
    const settled = s.getSnapshot().state.variant!;
    expect(settled.conflicts).toEqual([]);
    expect(settled.variant.overlay).toEqual({ hide: ['address'] });
    expect(checkPublishable(s.getSnapshot().state).ok).toBe(true);
    s.undo();
    s.undo();
    s.undo();
    expect(s.getSnapshot().state.variant!.variant.base.version).toBe('1.0.0');
    expect(s.getSnapshot().state.variant!.conflicts).toEqual([]);
  });

  it('swaps a choice field\'s options for the region; the base options are not stored', () => {
    const s = beijingSession();
    const base = allKindsForm().fields.species!.options!;
    s.execute(setVariantOptions('species', base));
    expect(s.getSnapshot().state.variant!.variant.overlay).toEqual({});
    const regional = [base[0]!, { value: 'deer', label: { zh: '梅花鹿', en: 'Sika deer' } }];
    s.execute(setVariantOptions('species', regional));
    const resolved = resolveDraft(s.getSnapshot().state.variant!);
    expect(resolved.ok && resolved.definition.fields.species?.options).toEqual(regional);
    expect(resolved.ok && (resolved.definition.schema.properties as Record<string, { enum?: unknown[] }>).species?.enum).toEqual(['pig', 'deer']);
  });

  it('hiding a field a base rule reads needs that rule overridden', () => {
    const s = beijingSession();
    s.execute(setHidden('headCount', true));
    const refused = resolveDraft(s.getSnapshot().state.variant!);
    expect(!refused.ok && refused.issues[0]?.messageZh).toContain('rules.largeFarm.compute');
    s.execute(setVariantRules('largeFarm', { compute: { '==': [{ var: 'species' }, 'pig'] } }));
    const resolved = resolveDraft(s.getSnapshot().state.variant!);
    expect(resolved.ok && resolved.lineage).toMatchObject({ headCount: 'hidden', largeFarm: 'overridden' });
  });

  it('refuses a bad region id', () => {
    expect(() => startVariant(allKindsForm(), 'Bei Jing')).toThrow(/地区编号/);
  });
});
