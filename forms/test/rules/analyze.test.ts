import { describe, expect, it } from 'vitest';
import { analyzeRules } from '../../src/rules/index.js';
import { formWith, jiyuanApplication } from './jiyuanApplication.js';

const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('analyzeRules', () => {
  it('accepts the Jiyuan application', () => {
    expect(analyzeRules(jiyuanApplication())).toEqual([]);
  });

  it('gives every issue a pointer and both languages', () => {
    const definition = jiyuanApplication();
    definition.rules!.largeFarm!.compute = { and: [{ '==': [{ var: 'species' }, 'pig'] }, { '>=': [{ var: 'headcount' }, 5000] }] };
    const issues = analyzeRules(definition);
    expect(issues).toEqual([
      {
        path: '/rules/largeFarm/compute/and/1/>=/0/var',
        message: 'unknown field "headcount"',
        messageZh: '未知字段 "headcount"',
      },
    ]);
  });

  it('reports references to unknown fields, bad rows paths and unknown columns', () => {
    const definition = jiyuanApplication();
    definition.rules!.herdTotal!.requiredIf = {
      or: [
        { var: 'herds.0.count' }, // fine: a cell of a rows field
        { var: 'herds.0.weight' }, // no such column
        { var: 'herds.first.count' }, // index must be a number
        { var: 'headCount.value' }, // not a rows field
        { var: 'nowhere' },
      ],
    };
    expect(analyzeRules(definition).map((i) => [i.path, i.message])).toEqual([
      ['/rules/herdTotal/requiredIf/or/1/var', 'unknown column "weight" of rows field "herds"'],
      ['/rules/herdTotal/requiredIf/or/2/var', 'a rows field is read as "herds" or "herds.N.column"'],
      ['/rules/herdTotal/requiredIf/or/3/var', 'field "headCount" is not a rows field; only "headCount" itself can be read'],
      ['/rules/herdTotal/requiredIf/or/4/var', 'unknown field "nowhere"'],
    ]);
  });

  it('checks item references inside array operators against the rows columns', () => {
    const definition = jiyuanApplication();
    definition.rules!.herdTotal!.compute = {
      reduce: [
        { filter: [{ var: 'herds' }, { '==': [{ var: 'kind' }, 'pig'] }] },
        { '+': [{ var: 'accumulator' }, { var: 'current.weight' }, { var: 'total' }] },
        0,
      ],
    };
    definition.rules!.herdTotal!.visibleIf = { some: [{ var: 'herds' }, { '>': [{ var: 'head' }, 0] }] };
    expect(paths(analyzeRules(definition))).toEqual([
      '/rules/herdTotal/compute/reduce/1/+/1/var',
      '/rules/herdTotal/compute/reduce/1/+/2/var',
      '/rules/herdTotal/visibleIf/some/1/>/0/var',
    ]);
  });

  it('refuses operators outside the allow-list, with a specific reason for method and log', () => {
    const definition = formWith(
      {
        a: { visibleIf: { method: [{ var: 'b' }, 'toUpperCase'] } },
        b: { visibleIf: { log: 'x' }, requiredIf: { 'Math.random': [] }, readOnlyIf: { constructor: [] } },
      },
      { b: {} },
    );
    expect(analyzeRules(definition).map((i) => [i.path, i.message, i.messageZh])).toEqual([
      ['/rules/a/visibleIf/method', 'operator "method" is refused: it calls methods on data objects', '不允许使用运算符 "method"：它会调用数据对象上的方法'],
      ['/rules/b/visibleIf/log', 'operator "log" is refused: rules have no side effects', '不允许使用运算符 "log"：规则不得有副作用'],
      ['/rules/b/requiredIf/Math.random', 'operator "Math.random" is not in the allow-list', '运算符 "Math.random" 不在允许列表中'],
      ['/rules/b/readOnlyIf/constructor', 'operator "constructor" is not in the allow-list', '运算符 "constructor" 不在允许列表中'],
    ]);
  });

  it('refuses prototype keys in var and missing paths, at the root and in items', () => {
    const definition = formWith({
      a: {
        visibleIf: {
          or: [
            { var: '__proto__' },
            { var: 'constructor' },
            { var: 'b.constructor' },
            { missing: ['prototype'] },
            { map: [{ var: 'b' }, { var: 'constructor.name' }] },
          ],
        },
      },
      b: {},
    });
    const issues = analyzeRules(definition);
    expect(paths(issues)).toEqual([
      '/rules/a/visibleIf/or/0/var',
      '/rules/a/visibleIf/or/1/var',
      '/rules/a/visibleIf/or/2/var',
      '/rules/a/visibleIf/or/3/missing/0',
      '/rules/a/visibleIf/or/4/map/1/var',
    ]);
    expect(issues[0]!.message).toBe('"__proto__" is a prototype key and is never read');
  });

  it('reports malformed expressions', () => {
    const definition = formWith({
      a: {
        visibleIf: {
          and: [
            { '==': [1, 2], '!=': [1, 2] }, // two operators in one object
            {}, // none
            { '==': [1] }, // too few arguments
            { var: { cat: ['he', 'adCount'] } }, // computed path: the dependency cannot be known
            { var: '' }, // the whole data
            { missing_some: [1, { var: 'b' }] },
            { '/': [1, Number.NaN] },
          ],
        },
      },
      b: {},
    });
    expect(analyzeRules(definition).map((i) => [i.path, i.message])).toEqual([
      ['/rules/a/visibleIf/and/0', 'an operation must be an object with exactly one key (the operator), found 2'],
      ['/rules/a/visibleIf/and/1', 'an operation must be an object with exactly one key (the operator), found 0'],
      ['/rules/a/visibleIf/and/2/==', '"==" takes 2 argument(s), found 1'],
      ['/rules/a/visibleIf/and/3/var', 'a var path must be a literal string'],
      ['/rules/a/visibleIf/and/4/var', 'var must name a field, not the whole data'],
      ['/rules/a/visibleIf/and/5/missing_some/1', '"missing_some" needs a literal list of keys'],
      ['/rules/a/visibleIf/and/6/~1/1', 'numbers must be finite (JSON)'],
    ]);
  });

  it('escapes pointer tokens', () => {
    const definition = formWith({ 'a/b': { visibleIf: { var: 'x~y' } } });
    expect(paths(analyzeRules(definition))).toEqual(['/rules/a~1b/visibleIf/var']);
  });

  it('reports rules on unknown fields, unknown rule names and where compute may not go', () => {
    const definition = jiyuanApplication();
    definition.rules!.ghost = { visibleIf: true };
    (definition.rules!.farmName as Record<string, unknown>).hiddenIf = true;
    definition.rules!.selfTestReport!.compute = { var: 'largeFarm' };
    delete definition.rules!.largeFarm;
    expect(analyzeRules(definition).map((i) => [i.path, i.messageZh])).toEqual([
      ['/rules/farmName/hiddenIf', '未知规则 "hiddenIf"（应为 visibleIf、requiredIf、readOnlyIf、compute）'],
      ['/rules/selfTestReport/compute', 'attachments 类型的字段不能由规则计算'],
      ['/rules/ghost', '规则所属字段 "ghost" 不存在'],
      ['/fields/largeFarm/kind', '计算字段 "largeFarm" 缺少 compute 规则'],
    ]);
  });

  it('lets any other kind be computed', () => {
    const definition = jiyuanApplication();
    definition.fields.largeFarm!.kind = 'switch';
    expect(analyzeRules(definition)).toEqual([]);
  });

  it('reports a computed field depending on itself through others, with the cycle path', () => {
    const definition = formWith({
      total: { compute: { '+': [{ var: 'subtotal' }, { var: 'fee' }] } },
      subtotal: { compute: { '-': [{ var: 'total' }, 1] } },
      fee: {},
    });
    expect(analyzeRules(definition)).toEqual([
      {
        path: '/rules/total/compute',
        message: 'dependency cycle: total → subtotal → total (each rule reads the next field)',
        messageZh: '规则循环依赖：total → subtotal → total（每条规则读取下一个字段）',
      },
    ]);
  });

  it('reports visibleIf chains that loop, mixed loops and self-references', () => {
    const definition = formWith({
      a: { visibleIf: { var: 'b' } },
      b: { visibleIf: { var: 'c' } },
      c: { visibleIf: { '!': { var: 'a' } } },
      d: { compute: { var: 'e' } },
      e: { visibleIf: { var: 'd' } },
      f: { compute: { '+': [{ var: 'f' }, 1] } },
    });
    expect(analyzeRules(definition).map((i) => [i.path, i.message])).toEqual([
      ['/rules/a/visibleIf', 'dependency cycle: a → b → c → a (each rule reads the next field)'],
      ['/rules/d/compute', 'dependency cycle: d → e → d (each rule reads the next field)'],
      ['/rules/f/compute', 'dependency cycle: f → f (each rule reads the next field)'],
    ]);
  });

  it('does not count requiredIf / readOnlyIf reads as cycles: nothing reads their results', () => {
    const definition = formWith({
      a: { requiredIf: { var: 'b' }, readOnlyIf: { var: 'a' } },
      b: { requiredIf: { var: 'a' } },
    });
    expect(analyzeRules(definition)).toEqual([]);
  });

  it('refuses field keys that are prototype keys', () => {
    const definition = formWith(undefined, JSON.parse('{"__proto__": {}, "constructor": {}}'));
    expect(paths(analyzeRules(definition))).toEqual(['/fields/__proto__', '/fields/constructor']);
  });
});
