/**
 * Layout: sections (fieldset + legend), column grids, tabs (WAI-ARIA tabs with arrow keys) and steps
 * (a wizard that checks the step's fields before moving on). In read-only and print modes every tab
 * and step is laid out in sequence, so nothing is hidden on paper.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { LayoutNode, Locale, LocalText } from '../definition/types.js';
import { FieldView, type FieldViewProps, type FormMode } from './FieldView.js';
import { pick, say } from './text.js';

export type LayoutContext = Omit<FieldViewProps, 'fieldKey'>;

export function LayoutView({ node, context }: { node: LayoutNode; context: LayoutContext }): ReactNode {
  switch (node.type) {
    case 'field':
      return <FieldView {...context} fieldKey={node.field} />;
    case 'section':
      return (
        <fieldset className="ng-section">
          {node.title && <legend>{pick(node.title, context.locale)}</legend>}
          <Children nodes={node.children} context={context} />
        </fieldset>
      );
    case 'columns':
      return (
        <div className="ng-columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, node.columns)}, minmax(0, 1fr))` }}>
          <Children nodes={node.children} context={context} />
        </div>
      );
    case 'tabs':
      return context.mode === 'edit' ? <Tabs panels={node.tabs} context={context} /> : <Sequence panels={node.tabs} context={context} />;
    case 'steps':
      return context.mode === 'edit' ? <Steps panels={node.steps} context={context} /> : <Sequence panels={node.steps} context={context} />;
  }
}

function Children({ nodes, context }: { nodes: readonly LayoutNode[]; context: LayoutContext }) {
  return (
    <>
      {nodes.map((child, i) => (
        <LayoutView key={child.type === 'field' ? child.field : i} node={child} context={context} />
      ))}
    </>
  );
}

type Panel = { title: LocalText; children: LayoutNode[] };

function Sequence({ panels, context }: { panels: readonly Panel[]; context: LayoutContext }) {
  return (
    <>
      {panels.map((panel, i) => (
        <section className="ng-panel" key={i}>
          <h3>{pick(panel.title, context.locale)}</h3>
          <Children nodes={panel.children} context={context} />
        </section>
      ))}
    </>
  );
}

function Tabs({ panels, context }: { panels: readonly Panel[]; context: LayoutContext }) {
  const base = useId();
  const [active, setActive] = useState(0);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const last = panels.length - 1;
    const next = e.key === 'ArrowRight' ? (active === last ? 0 : active + 1) : e.key === 'ArrowLeft' ? (active === 0 ? last : active - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(next);
    tabs.current[next]?.focus();
  };
  return (
    <div className="ng-tabs">
      <div role="tablist" onKeyDown={onKeyDown}>
        {panels.map((panel, i) => (
          <button
            key={i}
            ref={(el) => void (tabs.current[i] = el)}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
          >
            {pick(panel.title, context.locale)}
          </button>
        ))}
      </div>
      {panels.map((panel, i) => (
        <div key={i} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={i !== active}>
          {/* Panels stay mounted: switching tabs keeps what was typed and costs no re-mount. */}
          <Children nodes={panel.children} context={context} />
        </div>
      ))}
    </div>
  );
}

function fieldsIn(nodes: readonly LayoutNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === 'field' ? [node.field]
    : node.type === 'tabs' ? node.tabs.flatMap((t) => fieldsIn(t.children))
    : node.type === 'steps' ? node.steps.flatMap((s) => fieldsIn(s.children))
    : fieldsIn(node.children),
  );
}

function Steps({ panels, context }: { panels: readonly Panel[]; context: LayoutContext }) {
  const [active, setActive] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const go = (to: number) => {
    setActive(to);
    queueMicrotask(() => heading.current?.focus());
  };
  const next = () => {
    const keys = fieldsIn(panels[active]!.children);
    for (const key of keys) context.controller.touch(key);
    const invalid = keys.find((key) => context.controller.getField(key).issues.length > 0);
    if (invalid) {
      document.getElementById(`${context.idPrefix}-${invalid}`)?.focus();
      return;
    }
    go(active + 1);
  };
  const panel = panels[active]!;
  return (
    <div className="ng-steps">
      <ol className="ng-step-list">
        {panels.map((p, i) => (
          <li key={i} aria-current={i === active ? 'step' : undefined}>
            {pick(p.title, context.locale)}
          </li>
        ))}
      </ol>
      <section className="ng-panel" aria-labelledby={`${context.idPrefix}-step-title`}>
        <h3 id={`${context.idPrefix}-step-title`} tabIndex={-1} ref={heading}>
          {pick(panel.title, context.locale)} <small>{say('step', context.locale, { n: active + 1, total: panels.length })}</small>
        </h3>
        {panels.map((p, i) => (
          <div key={i} hidden={i !== active}>
            <Children nodes={p.children} context={context} />
          </div>
        ))}
      </section>
      <div className="ng-step-nav">
        <button type="button" onClick={() => go(active - 1)} disabled={active === 0}>
          {say('previous', context.locale)}
        </button>
        {active < panels.length - 1 && (
          <button type="button" onClick={next}>
            {say('next', context.locale)}
          </button>
        )}
      </div>
    </div>
  );
}

export type { FormMode, Locale };
