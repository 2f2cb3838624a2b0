/**
 * Plain-words labels for states, events, roles and workflows, read from the workflow definition.
 * States are labelled through XState's own `meta` (`meta: { label: { zh, en } }`, or `meta.title`),
 * then its `description`; a state without either shows its key, so an unlabelled workflow still reads.
 */
import { leafPaths, operationOfEventType, SYSTEM_ROLE, TASK_OPERATION_LABELS, type WorkflowDefinition } from '@nongan/engine';
import type { AnyStateNode, StateValue } from 'xstate';
import { defaultRoleLabels, pick, type Locale, type LocalText } from './text.js';

export function isLocalText(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && typeof (value as LocalText).zh === 'string' && typeof (value as LocalText).en === 'string';
}

/** The state node at a dot path (`review.initial`), or undefined. */
export function stateNodeAt(workflow: WorkflowDefinition, path: string): AnyStateNode | undefined {
  let node: AnyStateNode | undefined = workflow.machine.root;
  for (const key of path.split('.')) {
    node = (node?.states as Record<string, AnyStateNode> | undefined)?.[key];
    if (!node) return undefined;
  }
  return node;
}

/**
 * Whether the case is a draft (未提交): its state says so (`meta.draft`, e.g. an application still
 * being filled in). A draft has reached nobody yet, so lists label it and its owner may discard it.
 */
export function isDraft(workflow: WorkflowDefinition, record: { status: string; stateKey: string }): boolean {
  if (record.status === 'done') return false;
  return record.stateKey.split(',').some((path) => (stateNodeAt(workflow, path)?.meta as { draft?: unknown } | undefined)?.draft === true);
}

/** The roles that act on the current step (the roles of its open events), each once; the engine's own role left out. */
export function rolesActingNow(workflow: WorkflowDefinition, acceptedEvents: readonly string[]): string[] {
  return [...new Set(acceptedEvents.flatMap((type) => workflow.events[type]?.roles ?? []))].filter((r) => r !== SYSTEM_ROLE);
}

/** The label a state node declares, if any. */
export function declaredStateLabel(node: AnyStateNode): LocalText | string | undefined {
  const meta = node.meta as Record<string, unknown> | undefined;
  for (const candidate of [meta?.label, meta?.title]) {
    if (isLocalText(candidate) || (typeof candidate === 'string' && candidate !== '')) return candidate;
  }
  return typeof node.description === 'string' && node.description !== '' ? node.description : undefined;
}

function textIn(label: LocalText | string, locale: Locale): string {
  return typeof label === 'string' ? label : pick(label, locale);
}

/** One state's own label (not its parents'). */
export function stateLabel(workflow: WorkflowDefinition, path: string, locale: Locale): string {
  const node = stateNodeAt(workflow, path);
  const declared = node ? declaredStateLabel(node) : undefined;
  return declared !== undefined ? textIn(declared, locale) : (path.split('.').at(-1) ?? path);
}

/** A state with its parents, `审核 › 初审` (a nested state reads with its context). */
export function statePathLabel(workflow: WorkflowDefinition, path: string, locale: Locale): string {
  const parts = path.split('.');
  return parts.map((_, i) => stateLabel(workflow, parts.slice(0, i + 1).join('.'), locale)).join(' › ');
}

/** A whole state value in plain words; parallel regions are joined with `；` / `; `. */
export function describeState(workflow: WorkflowDefinition, value: StateValue, locale: Locale): string {
  return leafPaths(value)
    .map((path) => statePathLabel(workflow, path, locale))
    .join(locale === 'en' ? '; ' : '；');
}

/** An event's label; a task operation's journal type (`task.claim`) reads as the operation. */
export function eventLabel(workflow: WorkflowDefinition, type: string, locale: Locale): string {
  const label = workflow.events[type]?.label;
  if (label) return pick(label, locale);
  const op = operationOfEventType(type);
  return op ? pick(TASK_OPERATION_LABELS[op], locale) : type;
}

export function roleLabel(role: string, locale: Locale, overrides: Readonly<Record<string, LocalText>> = {}): string {
  const label = overrides[role] ?? defaultRoleLabels[role];
  return label ? pick(label, locale) : role;
}

export function workflowTitle(workflow: WorkflowDefinition, locale: Locale): string {
  return pick(workflow.title, locale);
}
