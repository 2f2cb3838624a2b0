/**
 * A workflow's statechart as a graph: every state node (compound states keep their children), every
 * transition labelled with its event (and deadline, when a deadline sends it). Transitions into a
 * compound state are drawn to the child it enters first (as XState does); transitions declared on
 * a compound state, or on the machine itself, start from an "any sub-state" / "any state" marker,
 * because they apply from every state inside. Pure data; `layoutStatechart` places it.
 */
import type { DeadlineAfter, WorkflowDefinition } from '@nongan/engine';
import type { AnyStateNode } from 'xstate';
import { eventLabel, stateLabel } from './labels.js';
import { say, type Locale } from './text.js';

export type ChartNodeKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'any';

export interface ChartNode {
  /** State path (`review.initial`); markers end in `.*` (`*` for the machine). */
  id: string;
  label: string;
  kind: ChartNodeKind;
  parent: string | null;
  /** Entered first when its parent (or the machine) is entered. */
  initial: boolean;
}

export interface ChartEdge {
  id: string;
  from: string;
  to: string;
  eventType: string;
  label: string;
  guarded: boolean;
  deadline: boolean;
}

export interface StatechartGraph {
  nodes: ChartNode[];
  edges: ChartEdge[];
}

const ROOT_MARKER = '*';

export function describeDuration(after: DeadlineAfter, locale: Locale): string {
  const en = locale === 'en';
  if ('fromData' in after) return en ? `date in ${after.fromData}` : `按 ${after.fromData} 日期`;
  if ('workingDays' in after) return en ? `${after.workingDays} working days` : `${after.workingDays} 个工作日`;
  if ('days' in after) return en ? `${after.days} days` : `${after.days} 日`;
  if ('months' in after) return en ? `${after.months} months` : `${after.months} 个月`;
  return en ? `${after.years} years` : `${after.years} 年`;
}

function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

function children(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[];
}

/** Where a transition into `node` lands: itself when atomic, else its initial descendant. */
function entryLeaf(node: AnyStateNode): AnyStateNode {
  if (node.type === 'compound') {
    const first = node.initial?.target?.[0];
    return first ? entryLeaf(first) : node;
  }
  if (node.type === 'parallel') {
    const first = children(node)[0];
    return first ? entryLeaf(first) : node;
  }
  return node;
}

function isAtomicKind(node: AnyStateNode): boolean {
  return node.type === 'atomic' || node.type === 'final' || node.type === 'history';
}

export function statechartGraph(workflow: WorkflowDefinition, locale: Locale): StatechartGraph {
  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  const markers = new Set<string>();
  const root = workflow.machine.root as AnyStateNode;

  const marker = (owner: AnyStateNode): string => {
    const isRoot = owner === root;
    const id = isRoot ? ROOT_MARKER : `${pathOf(owner)}.*`;
    if (!markers.has(id)) {
      markers.add(id);
      nodes.push({ id, label: say(isRoot ? 'anyState' : 'anySubState', locale), kind: 'any', parent: isRoot ? null : pathOf(owner), initial: false });
    }
    return id;
  };

  const addTransitions = (node: AnyStateNode) => {
    const source = node === root || !isAtomicKind(node) ? null : pathOf(node);
    const deadlineEvents = new Map<string, string>();
    for (const spec of workflow.deadlines.get(pathOf(node)) ?? []) deadlineEvents.set(spec.send, describeDuration(spec.after, locale));
    for (const [eventType, transitions] of Object.entries(node.on as Record<string, Array<{ target?: readonly AnyStateNode[]; guard?: unknown }>>)) {
      if (eventType.startsWith('xstate.') && !eventType.startsWith('xstate.done.state')) continue;
      for (const transition of transitions) {
        for (const target of transition.target ?? []) {
          const from = source ?? marker(node);
          const to = pathOf(entryLeaf(target));
          const base = eventType.startsWith('xstate.done.state') ? say('done', locale) : eventLabel(workflow, eventType, locale);
          const within = deadlineEvents.get(eventType);
          const guarded = transition.guard !== undefined;
          const label = `${base}${within ? ` ⏱ ${within}` : ''}${guarded ? ' *' : ''}`;
          edges.push({ id: `e${edges.length}`, from, to, eventType, label, guarded, deadline: within !== undefined });
        }
      }
    }
  };

  const walk = (node: AnyStateNode, parent: string | null) => {
    const initialChild = node.type === 'compound' ? node.initial?.target?.[0] : undefined;
    for (const child of children(node)) {
      const kind: ChartNodeKind = child.type === 'final' ? 'final' : child.type === 'compound' ? 'compound' : child.type === 'parallel' ? 'parallel' : 'atomic';
      nodes.push({ id: pathOf(child), label: stateLabel(workflow, pathOf(child), locale), kind, parent, initial: child === initialChild });
      walk(child, pathOf(child));
    }
    addTransitions(node);
  };
  walk(root, null);
  return { nodes, edges };
}
