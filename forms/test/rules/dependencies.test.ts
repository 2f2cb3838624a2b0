import { describe, expect, it } from 'vitest';
import { buildRuleGraph } from '../../src/rules/index.js';
import { formWith, jiyuanApplication } from './jiyuanApplication.js';

describe('buildRuleGraph', () => {
  const graph = buildRuleGraph(jiyuanApplication());

  it('lists what each rule reads and who reads a field', () => {
    expect(graph.readsOf('largeFarm')).toEqual(['species', 'headCount']);
    expect(graph.readsOf('selfTestReport', 'visibleIf')).toEqual(['largeFarm']);
    expect(graph.readsOf('herdTotal')).toEqual(['herds']);
    expect(graph.readsOf('farmName', 'readOnlyIf')).toEqual(['declared']);
    expect(graph.readsOf('species')).toEqual([]);
    expect(graph.readersOf('species')).toEqual(['otherSpecies', 'largeFarm']);
    expect(graph.readersOf('selfTestReport')).toEqual(['reportDate']);
  });

  it('gives dependents transitively through computed values and visibility', () => {
    // species → largeFarm (compute) → selfTestReport (visibleIf) → reportDate (visibleIf)
    expect(graph.dependentsOf('species')).toEqual(['otherSpecies', 'largeFarm', 'selfTestReport', 'reportDate']);
    expect(graph.dependentsOf('headCount')).toEqual(['largeFarm', 'selfTestReport', 'reportDate']);
    expect(graph.dependentsOf('selfTestReport')).toEqual(['reportDate']);
    expect(graph.dependentsOf('herds')).toEqual(['herdTotal']);
    expect(graph.dependentsOf('declared')).toEqual(['farmName']);
    expect(graph.dependentsOf('farmName')).toEqual([]);
    expect(graph.dependentsOf('nope')).toEqual([]);
  });

  it('does not propagate through requiredIf / readOnlyIf, whose results nobody reads', () => {
    const g = buildRuleGraph(
      formWith({ a: {}, b: { requiredIf: { var: 'a' } }, c: { visibleIf: { var: 'b' } }, d: { readOnlyIf: { var: 'c' } } }),
    );
    // a changes b's requiredness only; b's value (what c reads) does not change.
    expect(g.dependentsOf('a')).toEqual(['b']);
    expect(g.dependentsOf('b')).toEqual(['c', 'd']);
  });

  it('orders evaluation so a field comes after what its visibleIf / compute read', () => {
    const g = buildRuleGraph(
      formWith({
        grand: { compute: { '+': [{ var: 'sub' }, { var: 'tax' }] } },
        tax: { compute: { '*': [{ var: 'sub' }, 0.1] } },
        sub: { compute: { '+': [{ var: 'x' }, { var: 'y' }] } },
        x: { visibleIf: { var: 'show' } },
        y: {},
        show: {},
      }),
    );
    expect(g.computedOrder).toEqual(['sub', 'tax', 'grand']);
    const at = (k: string) => g.order.indexOf(k);
    expect(at('show')).toBeLessThan(at('x'));
    expect(at('x')).toBeLessThan(at('sub'));
    expect(at('tax')).toBeLessThan(at('grand'));
    expect(new Set(g.order)).toEqual(new Set(g.fields));
    expect(g.dependentsOf('show')).toEqual(['x', 'sub', 'tax', 'grand']);
  });

  it('tolerates cycles, listing them closed', () => {
    const g = buildRuleGraph(formWith({ a: { compute: { var: 'b' } }, b: { compute: { var: 'a' } } }));
    expect(g.cycles).toEqual([['a', 'b', 'a']]);
    expect(g.order).toHaveLength(2);
    expect(g.dependentsOf('a')).toEqual(['b']);
  });

  it('returns copies', () => {
    graph.dependentsOf('species').push('mutated');
    expect(graph.dependentsOf('species')).not.toContain('mutated');
  });
});
