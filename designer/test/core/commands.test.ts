import { describe, expect, it } from 'vitest';
import {
  addContainer,
  addField,
  createDesignerSession,
  DesignerError,
  findField,
  moveBy,
  moveField,
  moveNode,
  PALETTE_FIELDS,
  removeContainer,
  removeField,
  renameField,
  setRequired,
  setRowColumns,
  setRule,
  updateConstraints,
  updateContainer,
  updateField,
} from '../../src/index.js';
import { allKindsForm, buildFarmForm, expectLoads } from '../fixtures.js';

describe('field commands', () => {
  it('adds every palette kind as a field that loads', () => {
    const s = createDesignerSession();
    for (const item of PALETTE_FIELDS) {
      s.execute(addField({ kind: item.kind, list: '/layout/children' }));
      expectLoads(s.getSnapshot().state.definition);
    }
    const { definition, selection } = s.getSnapshot().state;
    expect(Object.keys(definition.fields)).toHaveLength(PALETTE_FIELDS.length);
    expect(selection).toBe('computed1');
    expect(definition.fields.select1?.options?.map((o) => o.value)).toEqual(['option1', 'option2']);
  });

  it('builds the farm form: labels, options synced with the enum, unit, constraints, required', () => {
    const { definition } = buildFarmForm().getSnapshot().state;
    expectLoads(definition);
    expect(definition.schema.required).toEqual(['farmName']);
    expect((definition.schema.properties as Record<string, { enum?: unknown[] }>).species?.enum).toEqual(['pig', 'cattle']);
    expect(definition.schema.properties).toMatchObject({ headCount: { type: 'integer', minimum: 0, maximum: 100000 } });
    expect(definition.fields.headCount?.unit).toEqual({ zh: '头', en: 'head' });
  });

  it('undo restores exactly the previous state and redo re-applies, for every command', () => {
    const s = buildFarmForm();
    const commands = [
      updateField('farmName', { help: { zh: '与执照一致', en: 'As licensed' }, width: 2, readOnly: true }),
      updateConstraints('farmName', { minLength: 2, maxLength: 50, pattern: '^[^<>]*$' }),
      updateConstraints('headCount', { default: 10 }),
      setRequired('headCount', true),
      setRule('headCount', 'visibleIf', { '==': [{ var: 'species' }, 'pig'] }),
      renameField('species', 'mainSpecies'),
      addContainer('columns', '/layout/children'),
      moveField('farmName', '/layout/children/1/children', 0),
      updateContainer('/layout/children/1', { columns: 3 }),
      moveBy('/layout/children/1', -1),
      removeField('headCount'),
      removeContainer('/layout/children/0'),
    ];
    const history = [s.getSnapshot().state.definition];
    for (const command of commands) {
      s.execute(command);
      expectLoads(s.getSnapshot().state.definition);
      history.push(s.getSnapshot().state.definition);
    }
    for (let i = commands.length; i > 0; i--) {
      expect(s.undo()).toBe(true);
      expect(s.getSnapshot().state.definition).toEqual(history[i - 1]);
    }
    expect(s.undo()).toBe(true); // the fixture's own edits are undoable too
    for (let i = 0; i < 5; i++) s.redo();
    s.undo();
    s.redo();
    while (s.getSnapshot().stack.undone.length) s.redo();
    expect(s.getSnapshot().state.definition).toEqual(history.at(-1));
    expect(s.redo()).toBe(false);
  });

  it('keeps untouched fields identical (per-field subscriptions compare by reference)', () => {
    const s = buildFarmForm();
    const before = s.getSnapshot().state.definition;
    s.execute(updateField('farmName', { label: { zh: '名称', en: 'Name' } }));
    const after = s.getSnapshot().state.definition;
    expect(after.fields.species).toBe(before.fields.species);
    expect(after.fields.farmName).not.toBe(before.fields.farmName);
    expect(after.layout).toBe(before.layout);
    expect(after.schema).toBe(before.schema);
  });

  it('renames a key in the schema, required, rules (own and others, var/missing paths) and layout', () => {
    const s = buildFarmForm();
    s.execute(setRule('headCount', 'visibleIf', { and: [{ '==': [{ var: 'species' }, 'pig'] }, { '!': { missing: ['species'] } }] }));
    s.execute(setRule('species', 'requiredIf', { '!!': { var: 'farmName' } }));
    s.execute(renameField('species', 'animal'));
    const { definition, selection } = s.getSnapshot().state;
    expectLoads(definition);
    expect(Object.keys(definition.fields)).toEqual(['farmName', 'animal', 'headCount']);
    expect(definition.rules).toEqual({
      headCount: { visibleIf: { and: [{ '==': [{ var: 'animal' }, 'pig'] }, { '!': { missing: ['animal'] } }] } },
      animal: { requiredIf: { '!!': { var: 'farmName' } } },
    });
    expect(findField(definition.layout, 'animal')).toBe('/layout/children/0/children/1');
    expect(selection).toBe('headCount');
    expect(() => s.execute(renameField('animal', 'farmName'))).toThrow(/already exists|已存在/);
    expect(() => s.execute(renameField('animal', '__proto__'))).toThrow(DesignerError);
    expect(() => s.execute(renameField('animal', 'has space'))).toThrow(DesignerError);
  });

  it('moves and nests fields into sections, columns, tabs and steps, and containers into containers', () => {
    const s = createDesignerSession();
    s.execute(addField({ kind: 'text', list: '/layout/children', key: 'a' }));
    s.execute(addField({ kind: 'text', list: '/layout/children', key: 'b' }));
    s.execute(addContainer('tabs', '/layout/children'));
    s.execute(addContainer('steps', '/layout/children'));
    s.execute(addContainer('columns', '/layout/children/2/tabs/1/children'));
    s.execute(moveField('a', '/layout/children/2/tabs/1/children/0/children', 0));
    s.execute(moveField('b', '/layout/children/2/steps/1/children', 0));
    let { definition } = s.getSnapshot().state;
    expect(findField(definition.layout, 'a')).toBe('/layout/children/0/tabs/1/children/0/children/0');
    expect(findField(definition.layout, 'b')).toBe('/layout/children/1/steps/1/children/0');
    s.execute(moveNode('/layout/children/0', '/layout/children/1/steps/0/children', 0)); // tabs into the first step
    definition = s.getSnapshot().state.definition;
    expect(findField(definition.layout, 'a')).toBe('/layout/children/0/steps/0/children/0/tabs/1/children/0/children/0');
    expectLoads(definition);
    expect(() => s.execute(moveNode('/layout/children/0', '/layout/children/0/steps/0/children', 0))).toThrow(/itself|自身/);
    s.execute(addField({ kind: 'date', list: '/layout/children/0/steps/1/children', key: 'c' }));
    s.execute(moveBy(findField(s.getSnapshot().state.definition.layout, 'c')!, -1));
    expect(findField(s.getSnapshot().state.definition.layout, 'c')).toBe('/layout/children/0/steps/1/children/0');
  });

  it('removing a container keeps its fields in its place', () => {
    const s = buildFarmForm();
    s.execute(removeContainer('/layout/children/0'));
    const { definition } = s.getSnapshot().state;
    expect(definition.layout).toEqual({ type: 'section', children: ['farmName', 'species', 'headCount'].map((field) => ({ type: 'field', field })) });
  });

  it('a failing command changes nothing and is not pushed', () => {
    const s = buildFarmForm();
    const before = s.getSnapshot();
    expect(() => s.execute(updateField('nope', { readOnly: true }))).toThrow(DesignerError);
    expect(() => s.execute(updateConstraints('farmName', { pattern: '(a)\\1' }))).toThrow(DesignerError);
    expect(() => s.execute(addField({ kind: 'text', list: '/layout/children/0', key: 'x' }))).toThrow(DesignerError);
    expect(() => s.execute(moveBy('/layout/children/0/children/0', -1))).toThrow(/first|最前/);
    expect(() => s.execute(updateField('farmName', { label: { zh: '只有中文' } as never }))).toThrow(/zh, en/);
    expect(() => s.execute(updateField('farmName', { lable: 'x' } as never))).toThrow(/lable/);
    expect(() => s.execute(updateField('farmName', { width: 0 }))).toThrow(/正整数/);
    expect(() => s.execute(updateConstraints('headCount', { minimum: Number.NaN }))).toThrow(/finite/);
    expect(() => s.execute(updateConstraints('farmName', { maxLength: -1 }))).toThrow(/非负整数/);
    expect(() => createDesignerSession({ id: 'x' } as never)).toThrow(/editable form definition/);
    expect(s.getSnapshot()).toBe(before);
  });

  it('edits the columns of a table (rows) field, keeping item schema and required in step', () => {
    const s = createDesignerSession(allKindsForm());
    s.execute(
      setRowColumns('herds', [
        { key: 'count', kind: 'integer', label: { zh: '头数', en: 'Head' } },
        { key: 'bornOn', kind: 'date', label: { zh: '出生日期', en: 'Born on' } },
        { key: 'vaccinated', kind: 'switch', label: { zh: '已免疫', en: 'Vaccinated' } },
      ]),
    );
    const { definition } = s.getSnapshot().state;
    expectLoads(definition);
    const items = (definition.schema.properties as Record<string, { items: { properties: object; required: string[] } }>).herds!.items;
    expect(items.required).toEqual(['count']);
    expect(items.properties).toEqual({ count: { type: 'integer', minimum: 1 }, bornOn: { type: 'string', format: 'date' }, vaccinated: { type: 'boolean' } });
    expect(Object.keys(definition.fields.herds!.columns!)).toEqual(['count', 'bornOn', 'vaccinated']);
    expect(() => s.execute(setRowColumns('herds', []))).toThrow(/至少/);
    expect(() => s.execute(setRowColumns('farmName', [{ key: 'a', kind: 'text', label: { zh: 'a', en: 'a' } }]))).toThrow(/not a table/);
    expect(() => s.execute(setRowColumns('herds', [{ key: 'a b', kind: 'text', label: { zh: 'a', en: 'a' } }]))).toThrow(/列键/);
  });

  it('edits an imported every-kind form (steps, tabs, columns) and it still loads', () => {
    const s = createDesignerSession(allKindsForm());
    s.execute(updateField('uscc', { label: { zh: '信用代码', en: 'Credit code' } }));
    s.execute(moveField('uscc', '/layout/steps/2/children', 0));
    s.execute(renameField('species', 'mainSpecies'));
    s.execute(setRule('photos', 'visibleIf', undefined));
    const { definition } = s.getSnapshot().state;
    expectLoads(definition);
    expect(definition.rules?.largeFarm?.compute).toEqual({ and: [{ '==': [{ var: 'mainSpecies' }, 'pig'] }, { '>=': [{ var: 'headCount' }, 5000] }] });
    expect(definition.rules?.photos).toBeUndefined();
  });
});
