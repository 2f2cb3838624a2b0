/** Driving the task widgets as a person does: open an operation, pick people by name, write an opinion, send. */
import type { Engine } from '@nongan/engine';
import type { ReactNode } from 'react';
import { userEvent } from 'vitest/browser';
import { EngineProvider } from '../src/EngineProvider.js';
import type { Locale } from '../src/text.js';
import { buttonNamed, mount, text, until } from './render.js';

export function withEngine(engine: Engine, node: ReactNode, locale: Locale = 'zh-CN'): HTMLElement {
  return mount(
    <EngineProvider engine={engine} locale={locale}>
      {node}
    </EngineProvider>,
  );
}

/** The operations list's button with this label, once the engine offers it. */
export function operationButton(host: HTMLElement, label: string): Promise<HTMLButtonElement> {
  return until(() => [...host.querySelectorAll<HTMLButtonElement>('.nw-ops button')].find((b) => b.textContent === label && !b.disabled), `operation ${label}; offered: ${[...host.querySelectorAll('.nw-ops button')].map((b) => b.textContent).join(', ')}`);
}

/** Opens an operation's form (or sends a one-click operation) and returns its panel, if it has one. */
export async function chooseOperation(host: HTMLElement, label: string): Promise<HTMLElement> {
  await userEvent.click(await operationButton(host, label));
  return until(() => host.querySelector<HTMLElement>('.nw-op-panel') ?? host.querySelector<HTMLElement>('.nw-operations .nw-success'), `${label} panel or result`);
}

/** Ticks (or chooses) a person in the panel's picker by the name shown. */
export async function pickPerson(panel: HTMLElement, name: string): Promise<void> {
  const label = await until(() => [...panel.querySelectorAll('.nw-picker label')].find((l) => text(l).trim() === name), `${name} in the picker; listed: ${text(panel.querySelector('.nw-picker'))}`);
  await userEvent.click(label.querySelector('input')!);
}

export async function writeOpinion(panel: HTMLElement, opinion: string): Promise<void> {
  await userEvent.type(panel.querySelector<HTMLTextAreaElement>('textarea[id$="-opinion"]')!, opinion);
}

/** Presses the panel's send button (labelled with the operation) and waits for the result or a refusal. */
export async function sendOperation(host: HTMLElement, label: string): Promise<HTMLElement> {
  const panel = host.querySelector<HTMLElement>('.nw-op-panel')!;
  await userEvent.click([...panel.querySelectorAll<HTMLButtonElement>('button.nw-primary')].find((b) => b.textContent === label)!);
  return until(() => host.querySelector<HTMLElement>('.nw-operations .nw-success') ?? host.querySelector<HTMLElement>('.nw-op-panel [role=alert]'), `${label} result`);
}

export async function sendOperationOk(host: HTMLElement, label: string): Promise<void> {
  const result = await sendOperation(host, label);
  if (!result.classList.contains('nw-success')) throw new Error(`${label} was refused: ${text(result)}`);
}

export const workText = (host: HTMLElement, part: string) => text(host.querySelector(`[data-work="${part}"]`));

export { buttonNamed };
