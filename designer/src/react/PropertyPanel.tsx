/**
 * The property panel: form settings when nothing is selected, container settings for a container,
 * and for a field the groups its kind needs (basics, constraints, options, kind settings, rules,
 * position). Typing coalesces into one undo step per input.
 */
import { useEffect, useId, useState } from 'react';
import type { FieldKind, FieldSpec, JsonSchema, LayoutNode } from '@nongan/forms';
import { removeField, setFormMeta, setRequired, setTitle, updateConstraints, updateField } from '../core/commands/fieldCommands.js';
import { moveField, moveNode, updateContainer } from '../core/commands/layoutCommands.js';
import { renameField } from '../core/commands/renameField.js';
import { layoutAt } from '../core/layoutTree.js';
import { useDesignerEnv, useDesignerSelector, useRun } from './context.js';
import { Checkbox, Group, LocalTextInput, NumberInput, Select, TextInput, uncommittedProps } from './inputs.js';
import { OptionsEditor } from './OptionsEditor.js';
import { useListChoices } from './Palette.js';
import { RowsEditor } from './RowsEditor.js';
import { RuleEditor } from './RuleEditor.js';
import { say } from './text.js';

export function PropertyPanel() {
  const { locale } = useDesignerEnv();
  const selection = useDesignerSelector((s) => s.state.selection);
  const isField = useDesignerSelector((s) => s.state.selection !== null && Object.hasOwn(s.state.definition.fields, s.state.selection));
  return (
    <section className="ngd-panel ngd-props" aria-label={say(locale, '属性', 'Properties')}>
      <h2>{say(locale, '属性', 'Properties')}</h2>
      {selection === null ? <FormProperties /> : isField ? <FieldProperties key={selection} fieldKey={selection} /> : selection.startsWith('/layout') ? <ContainerProperties key={selection} pointer={selection} /> : null}
    </section>
  );
}

function FormProperties() {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const title = useDesignerSelector((s) => s.state.definition.title);
  const id = useDesignerSelector((s) => s.state.definition.id);
  const version = useDesignerSelector((s) => s.state.definition.version);
  return (
    <Group legend={say(locale, '表单', 'Form')}>
      <LocalTextInput label="表单标题" labelEn="Form title" value={title} disabled={locked} onChange={(v) => v && run(() => setTitle(v), 'form:title')} />
      <TextInput label={say(locale, '表单编号', 'Form id')} value={id} disabled={locked} onChange={(v) => run(() => setFormMeta({ id: v }), 'form:id')} />
      <TextInput label={say(locale, '版本号', 'Version')} value={version} disabled={locked} onChange={(v) => run(() => setFormMeta({ version: v }), 'form:version')} />
    </Group>
  );
}

const TEXT_KINDS: FieldKind[] = ['text', 'textarea'];
const NUMBER_KINDS: FieldKind[] = ['number', 'integer'];
const ARRAY_KINDS: FieldKind[] = ['checkboxes', 'attachments', 'rows'];
const CHOICE_KINDS: FieldKind[] = ['select', 'radio', 'checkboxes'];
const FORMATS = ['', 'cn-mobile', 'cn-uscc', 'cn-resident-id', 'email'] as const;

function FieldProperties({ fieldKey }: { fieldKey: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const spec = useDesignerSelector((s) => s.state.definition.fields[fieldKey], [fieldKey]);
  const property = useDesignerSelector((s) => ((s.state.definition.schema.properties ?? {}) as Record<string, JsonSchema>)[fieldKey], [fieldKey]);
  const required = useDesignerSelector((s) => Array.isArray(s.state.definition.schema.required) && (s.state.definition.schema.required as string[]).includes(fieldKey), [fieldKey]);
  if (!spec || !property) return null;
  const set = (patch: Partial<Record<keyof FieldSpec, unknown>>, what: string) => run(() => updateField(fieldKey, patch as never), `${fieldKey}:${what}`);
  const constrain = (name: string, value: unknown) => run(() => updateConstraints(fieldKey, { [name]: value }), `${fieldKey}:${name}`);
  const num = (name: string) => (typeof property[name] === 'number' ? (property[name] as number) : undefined);
  const kind = spec.kind;
  return (
    <>
      <Group legend={say(locale, '基本', 'Basics')}>
        <KeyInput fieldKey={fieldKey} />
        <LocalTextInput label="标签" labelEn="Label" value={spec.label} disabled={locked} onChange={(v) => v && set({ label: v }, 'label')} />
        <LocalTextInput label="帮助说明" labelEn="Help" optional value={spec.help} disabled={locked} onChange={(v) => set({ help: v }, 'help')} />
        {TEXT_KINDS.includes(kind) && <LocalTextInput label="占位提示" labelEn="Placeholder" optional value={spec.placeholder} disabled={locked} onChange={(v) => set({ placeholder: v }, 'placeholder')} />}
        <Checkbox label={say(locale, '必填', 'Required')} checked={required} disabled={locked} onChange={(v) => run(() => setRequired(fieldKey, v))} />
        <Checkbox label={say(locale, '只读', 'Read-only')} checked={spec.readOnly === true} disabled={locked} onChange={(v) => set({ readOnly: v ? true : undefined }, 'readOnly')} />
        <NumberInput label={say(locale, '宽度（所占栏数）', 'Width (columns)')} integer value={spec.width} disabled={locked} onChange={(v) => set({ width: v !== undefined && v >= 1 ? v : undefined }, 'width')} />
      </Group>
      <Group legend={say(locale, '取值约束', 'Constraints')}>
        {TEXT_KINDS.includes(kind) && (
          <>
            <NumberInput label={say(locale, '最小长度', 'Min length')} integer value={num('minLength')} disabled={locked} onChange={(v) => constrain('minLength', v)} />
            <NumberInput label={say(locale, '最大长度', 'Max length')} integer value={num('maxLength')} disabled={locked} onChange={(v) => constrain('maxLength', v)} />
            <TextInput label={say(locale, '正则格式', 'Pattern')} value={typeof property.pattern === 'string' ? property.pattern : ''} disabled={locked} onChange={(v) => constrain('pattern', v === '' ? undefined : v)} />
            <Select
              label={say(locale, '内置格式', 'Format')}
              value={(typeof property.format === 'string' ? property.format : '') as (typeof FORMATS)[number]}
              disabled={locked}
              options={FORMATS.map((f) => ({ value: f, label: f === '' ? say(locale, '无', 'none') : f }))}
              onChange={(v) => constrain('format', v === '' ? undefined : v)}
            />
            <TextInput label={say(locale, '默认值', 'Default')} value={typeof property.default === 'string' ? property.default : ''} disabled={locked} onChange={(v) => constrain('default', v === '' ? undefined : v)} />
          </>
        )}
        {NUMBER_KINDS.includes(kind) && (
          <>
            <NumberInput label={say(locale, '最小值', 'Minimum')} integer={kind === 'integer'} value={num('minimum')} disabled={locked} onChange={(v) => constrain('minimum', v)} />
            <NumberInput label={say(locale, '最大值', 'Maximum')} integer={kind === 'integer'} value={num('maximum')} disabled={locked} onChange={(v) => constrain('maximum', v)} />
            <NumberInput label={say(locale, '默认值', 'Default')} integer={kind === 'integer'} value={num('default')} disabled={locked} onChange={(v) => constrain('default', v)} />
            <LocalTextInput label="单位" labelEn="Unit" optional value={spec.unit} disabled={locked} onChange={(v) => set({ unit: v }, 'unit')} />
          </>
        )}
        {ARRAY_KINDS.includes(kind) && (
          <>
            <NumberInput label={say(locale, '最少条数', 'Min items')} integer value={num('minItems')} disabled={locked} onChange={(v) => constrain('minItems', v)} />
            <NumberInput label={say(locale, '最多条数', 'Max items')} integer value={num('maxItems')} disabled={locked} onChange={(v) => constrain('maxItems', v)} />
          </>
        )}
        {kind === 'switch' && <Checkbox label={say(locale, '默认开启', 'On by default')} checked={property.default === true} disabled={locked} onChange={(v) => constrain('default', v ? true : undefined)} />}
      </Group>
      {CHOICE_KINDS.includes(kind) && <OptionsEditor fieldKey={fieldKey} />}
      {kind === 'rows' && <RowsEditor fieldKey={fieldKey} />}
      {kind === 'division' && (
        <Group legend={say(locale, '行政区划', 'Division')}>
          <Select
            label={say(locale, '最深层级', 'Deepest level')}
            value={spec.divisionLevel ?? 'county'}
            disabled={locked}
            options={[
              { value: 'province', label: say(locale, '省', 'Province') },
              { value: 'city', label: say(locale, '市', 'City') },
              { value: 'county', label: say(locale, '县', 'County') },
              { value: 'township', label: say(locale, '乡镇', 'Township') },
            ]}
            onChange={(v) => set({ divisionLevel: v }, 'divisionLevel')}
          />
        </Group>
      )}
      {kind === 'attachments' && (
        <Group legend={say(locale, '附件', 'Attachments')}>
          <TextInput label={say(locale, '允许的文件类型（逗号分隔）', 'Accepted types (comma separated)')} value={(spec.accept ?? []).join(',')} disabled={locked} onChange={(v) => set({ accept: v.trim() === '' ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean) }, 'accept')} />
          <NumberInput label={say(locale, '最多文件数', 'Max files')} integer value={spec.maxFiles} disabled={locked} onChange={(v) => set({ maxFiles: v !== undefined && v >= 1 ? v : undefined }, 'maxFiles')} />
        </Group>
      )}
      <RuleEditor fieldKey={fieldKey} />
      <PositionGroup fieldKey={fieldKey} />
      <button type="button" disabled={locked} onClick={() => run(() => removeField(fieldKey))}>
        {say(locale, '删除字段', 'Delete field')}
      </button>
    </>
  );
}

function KeyInput({ fieldKey }: { fieldKey: string }) {
  const { locale, locked, session, report } = useDesignerEnv();
  const [draft, setDraft] = useState(fieldKey);
  useEffect(() => setDraft(fieldKey), [fieldKey]);
  const id = useId();
  const commit = () => {
    if (draft === fieldKey) return;
    try {
      session.execute(renameField(fieldKey, draft));
    } catch (error) {
      report(error);
      setDraft(fieldKey);
    }
  };
  return (
    <>
      <label htmlFor={id}>{say(locale, '字段键（回车确认，规则与布局随之更新）', 'Field key (Enter to apply; rules and layout follow)')}</label>
      <input id={id} type="text" value={draft} disabled={locked} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} {...uncommittedProps(draft !== fieldKey)} />
    </>
  );
}

/** "Move to" menu: the non-drag way to nest a field into any section, column grid, tab or step. */
function PositionGroup({ fieldKey, pointer }: { fieldKey?: string; pointer?: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const choices = useListChoices().filter((c) => !pointer || (c.pointer !== pointer && !c.pointer.startsWith(`${pointer}/`)));
  const [target, setTarget] = useState(choices[0]?.pointer ?? '');
  return (
    <Group legend={say(locale, '位置', 'Position')}>
      <Select label={say(locale, '移到', 'Move to')} value={target} disabled={locked} options={choices.map((c) => ({ value: c.pointer, label: c.name }))} onChange={setTarget} />
      <button
        type="button"
        disabled={locked || !target}
        onClick={() => run(() => (fieldKey ? moveField(fieldKey, target, Number.MAX_SAFE_INTEGER) : moveNode(pointer!, target, Number.MAX_SAFE_INTEGER)))}
      >
        {say(locale, '移动到末尾', 'Move to the end')}
      </button>
    </Group>
  );
}

function ContainerProperties({ pointer }: { pointer: string }) {
  const { locale, locked } = useDesignerEnv();
  const run = useRun();
  const node = useDesignerSelector((s) => {
    try {
      return layoutAt(s.state.definition.layout, pointer) as LayoutNode | undefined;
    } catch {
      return undefined;
    }
  }, [pointer]);
  if (!node || Array.isArray(node) || node.type === 'field') return null;
  const pages = node.type === 'tabs' ? node.tabs : node.type === 'steps' ? node.steps : null;
  return (
    <>
      <Group legend={say(locale, '容器', 'Container')}>
        {node.type === 'section' && <LocalTextInput label="分区标题" labelEn="Section title" value={node.title} disabled={locked} onChange={(v) => v && run(() => updateContainer(pointer, { title: v }), `${pointer}:title`)} />}
        {node.type === 'columns' && <NumberInput label={say(locale, '栏数（1–6）', 'Columns (1–6)')} integer value={node.columns} disabled={locked} onChange={(v) => v !== undefined && run(() => updateContainer(pointer, { columns: v }), `${pointer}:columns`)} />}
        {pages && (
          <>
            {pages.map((p, i) => (
              <LocalTextInput key={i} label={`第 ${i + 1} 页标题`} labelEn={`Page ${i + 1} title`} value={p.title} disabled={locked} onChange={(v) => v && run(() => updateContainer(pointer, { pages: pages.map((q, j) => (j === i ? v : q.title)) }), `${pointer}:page${i}`)} />
            ))}
            <button type="button" disabled={locked} onClick={() => run(() => updateContainer(pointer, { pages: [...pages.map((p) => p.title), { zh: `第 ${pages.length + 1} 页`, en: `Page ${pages.length + 1}` }] }))}>
              {say(locale, '增加一页', 'Add a page')}
            </button>
            <button type="button" disabled={locked || pages.length < 2} onClick={() => run(() => updateContainer(pointer, { pages: pages.slice(0, -1).map((p) => p.title) }))}>
              {say(locale, '删除最后一页（字段并入前一页）', 'Remove last page (fields move to the previous one)')}
            </button>
          </>
        )}
      </Group>
      {pointer !== '/layout' && <PositionGroup pointer={pointer} />}
    </>
  );
}
