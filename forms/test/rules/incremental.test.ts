/**
 * Property: evaluating incrementally (`changed` + `previous`) gives exactly the state a full
 * evaluation gives. fast-check does not resolve from forms/, so a seeded generator drives it.
 */
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../src/definition/types.js';
import { evaluateRules, type RuleState } from '../../src/rules/index.js';
import { formWith, jiyuanApplication } from './jiyuanApplication.js';

/** mulberry32: small, seedable, good enough to vary test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = Record<string, (r: () => number) => unknown>;
const pick = <T,>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const jiyuanValues: Gen = {
  farmName: (r) => pick(r, ['济源示范养殖场', '', undefined]),
  declared: (r) => pick(r, [true, false, undefined]),
  species: (r) => pick(r, ['pig', 'pig', 'cattle', 'other', undefined]),
  otherSpecies: (r) => pick(r, ['梅花鹿', '', undefined]),
  headCount: (r) => pick(r, [0, 4999, 5000, 12000, undefined, '5001']),
  largeFarm: (r) => pick(r, [true, false, 'tampered']), // the user cannot set it; recomputed anyway
  selfTestReport: (r) => pick(r, [[], [{ id: 'f1' }], undefined]),
  reportDate: (r) => pick(r, ['2024-05-01', undefined]),
  herds: (r) =>
    pick(r, [undefined, []]) ??
    Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ kind: pick(r, ['pig', 'sheep']), count: Math.floor(r() * 4000) })),
  herdTotal: (r) => pick(r, [0, 99]),
};

/** A chain of computed and visibility rules, to stress the order and the propagation of hiddenness. */
const chain = formWith(
  {
    b: { visibleIf: { '>': [{ var: 'a' }, 0] } },
    c: { compute: { '+': [{ var: ['b', 0] }, 1] } },
    d: { visibleIf: { '<': [{ var: 'c' }, 5] }, requiredIf: { var: 'e' } },
    e: { compute: { if: [{ var: 'd' }, { '*': [{ var: 'd' }, 2] }, -1] }, readOnlyIf: { var: 'a' } },
    f: { visibleIf: { '!=': [{ var: 'e' }, -1] }, requiredIf: { '==': [{ var: 'b' }, 2] } },
  },
  { a: {}, c: { kind: 'number' }, e: { kind: 'number' } },
);
const chainValues: Gen = Object.fromEntries(
  ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, (r: () => number) => pick(r, [-1, 0, 1, 2, 3, 6, null, undefined])]),
);

function randomData(r: () => number, gen: Gen): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, make] of Object.entries(gen)) {
    const value = make(r);
    if (value !== undefined) data[key] = value;
  }
  return data;
}

function checkIncrementalEqualsFull(definition: FormDefinition, gen: Gen, seed: number, runs: number): void {
  const r = random(seed);
  const keys = Object.keys(gen);
  for (let run = 0; run < runs; run++) {
    let state: RuleState = evaluateRules(definition, randomData(r, gen));
    // A few keystrokes in a row, each evaluated incrementally from the previous incremental state.
    for (let step = 0; step < 5; step++) {
      const changed = keys.filter(() => r() < 0.25);
      const data: Record<string, unknown> = { ...state.values };
      for (const key of changed) data[key] = gen[key]!(r);
      const incremental = evaluateRules(definition, data, { changed, previous: state });
      const full = evaluateRules(definition, data);
      expect(incremental).toEqual(full);
      expect([...incremental.hidden].sort()).toEqual([...full.hidden].sort());
      state = incremental;
    }
  }
}

describe('incremental evaluation', () => {
  it('equals full evaluation on random Jiyuan applications', () => {
    checkIncrementalEqualsFull(jiyuanApplication(), jiyuanValues, 2024, 200);
  });

  it('equals full evaluation on a chain of computed and visibility rules', () => {
    checkIncrementalEqualsFull(chain, chainValues, 7, 300);
  });

  it('re-evaluates only what depends on the change', () => {
    const definition = jiyuanApplication();
    const before = evaluateRules(definition, { species: 'pig', headCount: 100 });
    // A previous state with a planted marker: untouched fields must be copied, not recomputed.
    const planted: RuleState = { ...before, readOnly: { ...before.readOnly, herdTotal: false } };
    const after = evaluateRules(definition, { ...before.values, headCount: 6000 }, { changed: ['headCount'], previous: planted });
    expect(after.readOnly.herdTotal).toBe(false); // copied from `previous`
    expect(after.visible.selfTestReport).toBe(true); // recomputed: depends on headCount
  });

  it('falls back to a full evaluation without `changed` or `previous`', () => {
    const definition = jiyuanApplication();
    const before = evaluateRules(definition, { species: 'pig', headCount: 100 });
    const data = { ...before.values, headCount: 6000 };
    expect(evaluateRules(definition, data, { previous: before })).toEqual(evaluateRules(definition, data));
    expect(evaluateRules(definition, data, { changed: ['headCount'] })).toEqual(evaluateRules(definition, data));
  });
});
