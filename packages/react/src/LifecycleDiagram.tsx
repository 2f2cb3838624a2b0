/**
 * `<LifecycleDiagram workflow instance?>`: the statechart drawn as SVG — compound states as boxes
 * around their sub-states, transitions labelled with their events and deadlines — with the case's
 * current state (and its parents) highlighted. Laid out by dagre; a text list of the transitions
 * follows for screen readers and keyboard users.
 */
import { activePaths, type InstanceRecord, type WorkflowDefinition } from '@nongan/engine';
import { useId, useMemo } from 'react';
import { useOptionalEngineContext } from './EngineProvider.js';
import { describeState, workflowTitle } from './labels.js';
import { FONT_SIZE, layoutStatechart, type PlacedEdge, type PlacedNode } from './layoutStatechart.js';
import { statechartGraph } from './statechartModel.js';
import { say, type Locale } from './text.js';

export interface LifecycleDiagramProps {
  workflow: WorkflowDefinition;
  /** The case whose current state is highlighted. */
  instance?: Pick<InstanceRecord, 'state' | 'workflowId'>;
  /** Defaults to the provider's locale, else zh-CN. */
  locale?: Locale;
  direction?: 'TB' | 'LR';
}

const COLORS = { border: '#4a554a', fill: '#ffffff', active: '#2e6b30', activeFill: '#e3f1e3', any: '#6b7a6b', edge: '#5b665b', text: '#1b1f1b' };

function edgePath(edge: PlacedEdge): string {
  const [first, ...rest] = edge.points;
  if (!first) return '';
  return `M${first.x},${first.y}` + rest.map((p) => ` L${p.x},${p.y}`).join('');
}

/** Throws a bilingual error unless `workflow` is a definition and `instance` (if any) is one of its cases. */
export function assertDiagramInput(workflow: unknown, instance?: Pick<InstanceRecord, 'workflowId'>): asserts workflow is WorkflowDefinition {
  const w = workflow as WorkflowDefinition | null;
  if (!w || typeof w.machine?.root !== 'object' || typeof w.id !== 'string') {
    throw new TypeError('LifecycleDiagram: workflow must be a WorkflowDefinition (defineWorkflow) / workflow 须为 defineWorkflow 的结果');
  }
  if (instance && instance.workflowId !== w.id) {
    throw new TypeError(`LifecycleDiagram: the case belongs to ${instance.workflowId}, not ${w.id} / 案件属于 ${instance.workflowId}，不是 ${w.id}`);
  }
}

export function LifecycleDiagram({ workflow, instance, locale: localeProp, direction }: LifecycleDiagramProps) {
  const context = useOptionalEngineContext();
  const locale = localeProp ?? context?.locale ?? 'zh-CN';
  assertDiagramInput(workflow, instance);
  const id = useId();
  const graph = useMemo(() => statechartGraph(workflow, locale), [workflow, locale]);
  const placed = useMemo(() => layoutStatechart(graph, direction ? { direction } : {}), [graph, direction]);
  const active = instance ? activePaths(instance.state) : new Set<string>();
  const current = instance ? describeState(workflow, instance.state, locale) : say('none', locale);
  const title = `${say('diagram', locale)}：${workflowTitle(workflow, locale)}`;
  const description = say('diagramDesc', locale, { n: graph.nodes.filter((n) => n.kind !== 'any').length, m: graph.edges.length, current });
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const clusters = placed.nodes.filter((n) => n.cluster);
  const leaves = placed.nodes.filter((n) => !n.cluster);

  return (
    <figure className="nw nw-diagram" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
        <span className="nw-muted"> {description}</span>
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
        width={placed.width}
        height={placed.height}
        viewBox={`0 0 ${placed.width} ${placed.height}`}
        fontFamily='system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
        fontSize={FONT_SIZE}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-svg-desc`}>{description}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={COLORS.edge} />
          </marker>
        </defs>
        {clusters.map((node) => (
          <Cluster key={node.id} node={node} active={active.has(node.id)} />
        ))}
        {placed.edges.map((edge) => (
          <g key={edge.id} data-edge={`${edge.from}->${edge.to}`} data-event={edge.eventType}>
            <path d={edgePath(edge)} fill="none" stroke={COLORS.edge} strokeWidth={1.3} strokeDasharray={edge.deadline ? '5 3' : undefined} markerEnd={`url(#${id}-arrow)`} />
            <text x={edge.labelX} y={edge.labelY + 4} textAnchor="middle" fontSize={12} fill={COLORS.text} paintOrder="stroke" stroke="#fff" strokeWidth={4}>
              {edge.label}
            </text>
          </g>
        ))}
        {leaves.map((node) => (
          <Leaf key={node.id} node={node} active={active.has(node.id)} currentText={say('currentMark', locale)} />
        ))}
      </svg>
      <details className="nw-no-print">
        <summary>{locale === 'en' ? 'Transitions as text' : '以文字列出全部转换'}</summary>
        <ul>
          {graph.edges.map((edge) => (
            <li key={edge.id}>
              {labelOf.get(edge.from)} → {labelOf.get(edge.to)}: {edge.label}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

function Cluster({ node, active }: { node: PlacedNode; active: boolean }) {
  const x = node.x - node.width / 2;
  const y = node.y - node.height / 2;
  return (
    <g data-state={node.id} data-active={active || undefined}>
      <rect x={x} y={y} width={node.width} height={node.height} rx={10} fill={active ? '#f3f9f3' : '#fafbf9'} stroke={active ? COLORS.active : COLORS.border} strokeWidth={active ? 2.5 : 1} strokeDasharray={active ? undefined : '4 3'} />
      <text x={x + 10} y={y + 16} fontWeight={600} fill={COLORS.text}>
        {node.label}
      </text>
    </g>
  );
}

function Leaf({ node, active, currentText }: { node: PlacedNode; active: boolean; currentText: string }) {
  const x = node.x - node.width / 2;
  const y = node.y - node.height / 2;
  const any = node.kind === 'any';
  return (
    <g data-state={node.id} data-active={active || undefined} data-kind={node.kind}>
      {node.initial && <circle cx={x - 7} cy={node.y} r={4} fill={COLORS.border} />}
      <rect
        x={x}
        y={y}
        width={node.width}
        height={node.height}
        rx={any ? 17 : 6}
        fill={active ? COLORS.activeFill : COLORS.fill}
        stroke={active ? COLORS.active : any ? COLORS.any : COLORS.border}
        strokeWidth={active ? 3 : 1.2}
        strokeDasharray={any ? '3 3' : undefined}
      />
      {node.kind === 'final' && <rect x={x + 3} y={y + 3} width={node.width - 6} height={node.height - 6} rx={4} fill="none" stroke={COLORS.border} />}
      <text x={node.x} y={node.y + 4.5} textAnchor="middle" fill={COLORS.text} fontWeight={active ? 700 : 400} fontStyle={any ? 'italic' : undefined}>
        {node.label}
      </text>
      {active && (
        <text x={x + node.width - 2} y={y - 4} textAnchor="end" fontSize={11} fill={COLORS.active} fontWeight={700}>
          ● {currentText}
        </text>
      )}
    </g>
  );
}
