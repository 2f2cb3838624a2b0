/** Mounting widgets into the test page with react-dom, with the widget and form stylesheets. */
import { formStyles } from '@nongan/forms/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { widgetStyles } from '../src/styles.js';

let root: Root | undefined;

export function mount(node: ReactNode): HTMLElement {
  root?.unmount();
  document.body.replaceChildren();
  const style = document.createElement('style');
  style.textContent = formStyles + widgetStyles;
  const host = document.createElement('main');
  document.body.append(style, host);
  root = createRoot(host);
  flushSync(() => root!.render(node));
  return host;
}

export function unmount(): void {
  root?.unmount();
  root = undefined;
}

export async function until<T>(find: () => T | null | undefined | false, what: string, tries = 500): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}; page text: ${document.querySelector('main')?.textContent?.slice(0, 600)}`);
}

export async function axeViolations(node: HTMLElement): Promise<string[]> {
  const result = await axe.run(node, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const text = (node: Element | null | undefined) => node?.textContent ?? '';

export function buttonNamed(host: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
}
