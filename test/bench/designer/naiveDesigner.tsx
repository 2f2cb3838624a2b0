/**
 * The baseline: a straightforward designer that keeps the definition in the top component's state
 * and renders every field card from it (no per-field subscriptions, no memo). Same card markup and
 * the same label input as the real designer, so the difference is the update strategy only.
 */
import { useState } from 'react';
import type { FormDefinition, LayoutNode } from '@nongan/forms';

export function NaiveDesigner({ initial, onFieldRender }: { initial: FormDefinition; onFieldRender: (key: string) => void }) {
  const [definition, setDefinition] = useState(initial);
  const [selection, setSelection] = useState<string | null>(null);
  const spec = selection ? definition.fields[selection] : undefined;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 320px' }}>
      <section aria-label="Canvas">
        <Node node={definition.layout} definition={definition} selection={selection} onSelect={setSelection} onFieldRender={onFieldRender} />
      </section>
      <section aria-label="Properties">
        {spec && selection && (
          <label>
            标签（中文）
            <input
              data-naive-label
              type="text"
              value={spec.label.zh}
              onChange={(e) => setDefinition({ ...definition, fields: { ...definition.fields, [selection]: { ...spec, label: { ...spec.label, zh: e.target.value } } } })}
            />
          </label>
        )}
      </section>
    </div>
  );
}

function Node({ node, definition, selection, onSelect, onFieldRender }: { node: LayoutNode; definition: FormDefinition; selection: string | null; onSelect: (k: string) => void; onFieldRender: (k: string) => void }) {
  if (node.type === 'field') {
    onFieldRender(node.field);
    const spec = definition.fields[node.field]!;
    return (
      <div className="ngd-card" data-naive-field={node.field} style={{ outline: selection === node.field ? '2px solid blue' : undefined }}>
        <button type="button">⠿</button>
        <button type="button" className="ngd-card-main" onClick={() => onSelect(node.field)}>
          {spec.label.zh} <span>{spec.kind}</span>
        </button>
        <button type="button">↑</button>
        <button type="button">↓</button>
      </div>
    );
  }
  const children = node.type === 'section' || node.type === 'columns' ? node.children : [];
  return (
    <div className="ngd-list">
      {children.map((c, i) => (
        <Node key={c.type === 'field' ? c.field : i} node={c} definition={definition} selection={selection} onSelect={onSelect} onFieldRender={onFieldRender} />
      ))}
    </div>
  );
}
