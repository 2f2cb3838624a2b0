/** Variant mode: moving fields (overlay.move), tightening a pattern, relabelling help and unit. */
import { describe, expect, it } from 'vitest';
import { createDesignerSession, DesignerError, moveVariantField, moveVariantFieldBy, relabel, resolveDraft, setHidden, startVariant, tighten, addVariantField, variantFieldOrder } from '../../src/index.js';
import { allKindsForm, expectLoads } from '../fixtures.js';

function beijingSession() {
  const base = allKindsForm();
  return createDesignerSession(base, startVariant(base, 'beijing'));
}

const overlayOf = (s: ReturnType<typeof beijingSession>) => s.getSnapshot().state.variant!.variant.overlay;
const orderOf = (s: ReturnType<typeof beijingSession>) => variantFieldOrder(s.getSnapshot().state.variant!);

function resolvedOrder(s: ReturnType<typeof beijingSession>): string[] {
  const resolved = resolveDraft(s.getSnapshot().state.variant!);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  expectLoads(resolved.definition);
  const out: string[] = [];
  JSON.stringify(resolved.definition.layout, (k, v: unknown) => {
    if (k === 'field' && typeof v === 'string') out.push(v);
    return v;
  });
  return out;
}

describe('variant: moving fields', () => {
  it('lists fields in the variant layout order and moves one down and up; back at its base place nothing is stored', () => {
    const s = beijingSession();
    const base = orderOf(s);
    expect(base.slice(0, 6)).toEqual(['farmName', 'uscc', 'mobile', 'registeredOn', 'address', 'division']);
    s.execute(moveVariantFieldBy('uscc', 1));
    expect(overlayOf(s).move).toEqual([{ field: 'uscc', after: 'mobile' }]);
    expect(orderOf(s).slice(0, 4)).toEqual(['farmName', 'mobile', 'uscc', 'registeredOn']);
    expect(resolvedOrder(s).slice(0, 4)).toEqual(['farmName', 'mobile', 'uscc', 'registeredOn']);
    expect(resolveDraft(s.getSnapshot().state.variant!).ok && (resolveDraft(s.getSnapshot().state.variant!) as { lineage: Record<string, string> }).lineage.uscc).toBe('overridden');
    s.execute(moveVariantFieldBy('uscc', -1));
    expect(overlayOf(s)).toEqual({});
    expect(orderOf(s)).toEqual(base);
    s.undo();
    expect(overlayOf(s).move).toEqual([{ field: 'uscc', after: 'mobile' }]);
  });

  it('moves the second field to the top (the first goes after it) and refuses first-up / last-down', () => {
    const s = beijingSession();
    s.execute(moveVariantFieldBy('uscc', -1));
    expect(orderOf(s).slice(0, 3)).toEqual(['uscc', 'farmName', 'mobile']);
    expect(resolvedOrder(s).slice(0, 3)).toEqual(['uscc', 'farmName', 'mobile']);
    expect(() => s.execute(moveVariantFieldBy('uscc', -1))).toThrow(/已在最前/);
    const last = orderOf(s).at(-1)!;
    expect(() => s.execute(moveVariantFieldBy(last, 1))).toThrow(/already last/);
  });

  it('a repeated move of the same field replaces its entry; "after" can cross sections; null restores the base place', () => {
    const s = beijingSession();
    s.execute(moveVariantField('farmName', 'division'));
    s.execute(moveVariantField('farmName', 'species'));
    expect(overlayOf(s).move).toEqual([{ field: 'farmName', after: 'species' }]);
    const order = resolvedOrder(s);
    expect(order.indexOf('farmName')).toBe(order.indexOf('species') + 1);
    s.execute(moveVariantField('farmName', null));
    expect(overlayOf(s)).toEqual({});
    // Placing a field after the field it already follows is no difference.
    s.execute(moveVariantField('mobile', 'uscc'));
    expect(overlayOf(s)).toEqual({});
  });

  it('skips hidden fields, moves an added field, and refuses to move a hidden one or after itself', () => {
    const s = beijingSession();
    s.execute(setHidden('mobile', true));
    s.execute(moveVariantFieldBy('uscc', 1)); // past the hidden mobile: after registeredOn
    expect(overlayOf(s).move).toEqual([{ field: 'uscc', after: 'registeredOn' }]);
    expect(resolvedOrder(s).slice(0, 3)).toEqual(['farmName', 'registeredOn', 'uscc']);
    expect(() => s.execute(moveVariantFieldBy('mobile', 1))).toThrow(DesignerError);
    expect(() => s.execute(moveVariantField('uscc', 'uscc'))).toThrow(DesignerError);
    expect(() => s.execute(moveVariantField('uscc', 'nope'))).toThrow(/不存在/);
    s.execute(addVariantField('text', { key: 'manurePlan', after: 'address' }));
    s.execute(moveVariantFieldBy('manurePlan', -1));
    const order = resolvedOrder(s);
    expect(order.indexOf('manurePlan')).toBe(order.indexOf('address') - 1);
  });
});

describe('variant: pattern and help/unit', () => {
  it('tightens a pattern where the base has none; refuses backreference / lookaround / over-long repetition / invalid patterns with zh/en reasons', () => {
    const s = beijingSession();
    s.execute(tighten('address', { pattern: '^北京' }));
    expect(overlayOf(s).tighten).toEqual({ address: { pattern: '^北京' } });
    const resolved = resolveDraft(s.getSnapshot().state.variant!);
    expect(resolved.ok && (resolved.definition.schema.properties as Record<string, { pattern?: string }>).address?.pattern).toBe('^北京');
    for (const [bad, why] of [
      ['(a)\\1', /反向引用/],
      ['^(?=.*\\d)', /前瞻/],
      ['^(?:a|aa){1,5000}$', /重复次数/],
      ['([a-z', /不是有效的正则/],
    ] as const) {
      let error: unknown;
      try {
        s.execute(tighten('address', { pattern: bad }));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DesignerError);
      expect((error as DesignerError).messageZh).toMatch(/不予接受/);
      expect((error as DesignerError).messageZh).toMatch(why);
      expect((error as DesignerError).message).toMatch(/is refused/);
      expect((error as DesignerError).issues[0]?.path).toBe('/overlay/tighten/address/pattern');
    }
    expect(overlayOf(s).tighten).toEqual({ address: { pattern: '^北京' } });
    // A nested quantifier is no ReDoS risk here: patterns run on the linear-time RE2 engine.
    s.execute(tighten('address', { pattern: '^(北京)+$' }));
    expect(overlayOf(s).tighten).toEqual({ address: { pattern: '^(北京)+$' } });
    s.execute(tighten('address', { pattern: undefined }));
    expect(overlayOf(s)).toEqual({});
  });

  it('relabels help and unit; equal to the base or all empty is not stored', () => {
    const s = beijingSession();
    s.execute(relabel('farmName', { help: { zh: '与营业执照一致', en: 'As on the business licence' } }));
    s.execute(relabel('headCount', { unit: { zh: '头', en: 'head' } }));
    expect(overlayOf(s)).toEqual({});
    s.execute(relabel('headCount', { unit: { zh: '只', en: 'animals' } }));
    s.execute(relabel('uscc', { help: { zh: '北京：18 位', en: '' } }));
    expect(overlayOf(s).relabel).toEqual({ headCount: { unit: { zh: '只', en: 'animals' } }, uscc: { help: { zh: '北京：18 位', en: '' } } });
    const resolved = resolveDraft(s.getSnapshot().state.variant!);
    expect(resolved.ok && resolved.definition.fields.headCount?.unit).toEqual({ zh: '只', en: 'animals' });
    s.execute(relabel('uscc', { help: { zh: '', en: '' } }));
    expect(overlayOf(s).relabel).toEqual({ headCount: { unit: { zh: '只', en: 'animals' } } });
  });
});
