/** Mounting a FormView into the test page with react-dom. */
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FormView, formStyles, type FormViewProps } from '../../src/react/index.js';

let root: Root | undefined;

export function mountForm(props: FormViewProps): HTMLElement {
  root?.unmount();
  document.body.replaceChildren();
  const style = document.createElement('style');
  style.textContent = formStyles;
  const host = document.createElement('main');
  document.body.append(style, host);
  root = createRoot(host);
  flushSync(() => root!.render(createElement(FormView, props)));
  return host;
}

export async function until<T>(find: () => T | null | undefined | false, what: string, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
