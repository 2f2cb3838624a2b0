/** Mounting the designer into the test page with react-dom, and polling helpers. */
import axe from 'axe-core';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { ReactNode } from 'react';

let root: Root | undefined;

export function mount(node: ReactNode): HTMLElement {
  root?.unmount();
  document.body.replaceChildren();
  const host = document.createElement('main');
  document.body.append(host);
  root = createRoot(host);
  flushSync(() => root!.render(node));
  return host;
}

export function unmount(): void {
  root?.unmount();
  root = undefined;
}

export async function until<T>(find: () => T | null | undefined | false | Promise<T | null | undefined | false>, what: string, tries = 500): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = await find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

export async function axeViolations(context: Element = document.body): Promise<string[]> {
  const result = await axe.run(context, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export function button(host: ParentNode, text: string | RegExp): HTMLButtonElement | undefined {
  return [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => (typeof text === 'string' ? b.textContent?.trim() === text || b.getAttribute('aria-label') === text : text.test(b.getAttribute('aria-label') ?? b.textContent ?? '')));
}

export function labelled<T extends HTMLElement>(host: ParentNode, text: string | RegExp): T | undefined {
  for (const label of host.querySelectorAll('label')) {
    const t = label.textContent?.trim() ?? '';
    if (typeof text === 'string' ? t === text : text.test(t)) {
      const id = label.getAttribute('for');
      const control = id ? document.getElementById(id) : label.querySelector('input,select,textarea');
      if (control) return control as T;
    }
  }
  for (const el of host.querySelectorAll<T>('[aria-label]')) {
    const t = el.getAttribute('aria-label') ?? '';
    if ((typeof text === 'string' ? t === text : text.test(t)) && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return el;
  }
  return undefined;
}
