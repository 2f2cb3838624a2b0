/**
 * Places a statechart graph with dagre (a maintained layered-graph layout): compound states become
 * clusters around their children. Text widths are estimated (CJK characters count double), so the
 * layout needs no DOM and runs the same in Node tests and the browser.
 */
import { graphlib, layout } from '@dagrejs/dagre';
import type { ChartNodeKind, StatechartGraph } from './statechartModel.js';

export interface PlacedNode {
  id: string;
  label: string;
  kind: ChartNodeKind;
  initial: boolean;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  cluster: boolean;
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  eventType: string;
  points: Array<{ x: number; y: number }>;
  labelX: number;
  labelY: number;
  guarded: boolean;
  deadline: boolean;
}

export interface StatechartLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const FONT_SIZE = 13;
const NODE_HEIGHT = 34;
const CLUSTER_TITLE = 20;

/** Rough rendered width of a label: wide (CJK) characters ~1 em, others ~0.6 em. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return Math.ceil(units * fontSize);
}

export function layoutStatechart(graph: StatechartGraph, options: { direction?: 'TB' | 'LR' } = {}): StatechartLayout {
  const g = new graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: options.direction ?? 'TB', nodesep: 28, ranksep: 46, edgesep: 12, marginx: 12, marginy: 12 + CLUSTER_TITLE });
  g.setDefaultEdgeLabel(() => ({}));
  const clusters = new Set(graph.nodes.filter((n) => graph.nodes.some((c) => c.parent === n.id)).map((n) => n.id));
  for (const node of graph.nodes) {
    const cluster = clusters.has(node.id);
    g.setNode(node.id, cluster ? { label: node.label, width: 0, height: 0, paddingTop: CLUSTER_TITLE } : { label: node.label, width: Math.max(64, textWidth(node.label) + 28), height: NODE_HEIGHT });
  }
  for (const node of graph.nodes) if (node.parent !== null) g.setParent(node.id, node.parent);
  for (const edge of graph.edges) {
    g.setEdge(edge.from, edge.to, { width: textWidth(edge.label, 12) + 8, height: 16, labelpos: 'c' }, edge.id);
  }
  layout(g);

  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const placed = g.node(node.id) as { x: number; y: number; width: number; height: number };
    const cluster = clusters.has(node.id);
    // Room for the cluster's title above its children.
    const height = placed.height + (cluster ? CLUSTER_TITLE : 0);
    const y = placed.y - (cluster ? CLUSTER_TITLE / 2 : 0);
    return { id: node.id, label: node.label, kind: node.kind, initial: node.initial, x: placed.x, y, width: placed.width, height, cluster };
  });
  const edges: PlacedEdge[] = graph.edges.map((edge) => {
    const placed = g.edge({ v: edge.from, w: edge.to, name: edge.id }) as { points?: Array<{ x: number; y: number }>; x?: number; y?: number };
    const points = placed.points ?? [];
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return {
      id: edge.id,
      from: edge.from,
      to: edge.to,
      label: edge.label,
      eventType: edge.eventType,
      points,
      labelX: placed.x ?? middle.x,
      labelY: placed.y ?? middle.y,
      guarded: edge.guarded,
      deadline: edge.deadline,
    };
  });
  const label = g.graph() as { width?: number; height?: number };
  const right = Math.max(label.width ?? 0, ...nodes.map((n) => n.x + n.width / 2 + 12), ...edges.map((e) => e.labelX + textWidth(e.label, 12) / 2 + 12));
  const bottom = Math.max(label.height ?? 0, ...nodes.map((n) => n.y + n.height / 2 + 12));
  return { width: Math.ceil(right), height: Math.ceil(bottom), nodes, edges };
}
