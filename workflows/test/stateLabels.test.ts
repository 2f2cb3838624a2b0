/**
 * Every state node of every lifecycle (the root, compound, atomic and final states alike) carries a
 * plain-words label in XState `meta` — `meta: { label: { zh, en } }`, optionally `description: { zh, en }` —
 * which the portal widgets show instead of the state key; siblings never share a label, so two states
 * of one level never read the same.
 */
import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES } from '../src/lifecycles/index.js';

interface Labelled {
  path: string;
  node: AnyStateNode;
}

/** The node and all its descendants, each with its dot path (`''` for the root). */
function walk(node: AnyStateNode, path = ''): Labelled[] {
  const children = Object.entries(node.states as Record<string, AnyStateNode>);
  return [{ path, node }, ...children.flatMap(([key, child]) => walk(child, path === '' ? key : `${path}.${key}`))];
}

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

function localText(value: unknown): { zh: unknown; en: unknown } | undefined {
  return typeof value === 'object' && value !== null ? (value as { zh: unknown; en: unknown }) : undefined;
}

describe.each(Object.entries(LIFECYCLES))('state labels of %s', (_, workflow) => {
  const nodes = walk(workflow.machine.root);

  it('walks every state node of the machine, the root included', () => {
    expect(nodes[0]!.node).toBe(workflow.machine.root);
    expect(nodes.length).toBeGreaterThan(1);
    for (const { node } of nodes) expect(workflow.machine.getStateNodeById(node.id)).toBe(node);
  });

  it('gives every state node a non-empty zh and en label', () => {
    const unlabelled = nodes.filter(({ node }) => {
      const label = localText((node.meta as Record<string, unknown> | undefined)?.label);
      return !label || !isText(label.zh) || !isText(label.en);
    });
    expect(unlabelled.map(({ path }) => path || '(root)')).toEqual([]);
  });

  it('has descriptions, where given, in both zh and en', () => {
    const broken = nodes.filter(({ node }) => {
      const meta = node.meta as Record<string, unknown> | undefined;
      if (meta?.description === undefined) return false;
      const description = localText(meta.description);
      return !description || !isText(description.zh) || !isText(description.en);
    });
    expect(broken.map(({ path }) => path || '(root)')).toEqual([]);
  });

  it('labels sibling states distinctly, in each language', () => {
    for (const { path, node } of nodes) {
      const children = Object.values(node.states as Record<string, AnyStateNode>);
      for (const locale of ['zh', 'en'] as const) {
        const labels = children.map((child) => String(localText((child.meta as Record<string, unknown> | undefined)?.label)?.[locale] ?? '').trim());
        const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
        expect(repeated, `${locale} labels under ${path || '(root)'}`).toEqual([]);
      }
    }
  });
});
