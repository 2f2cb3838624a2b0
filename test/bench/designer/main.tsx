/**
 * Browser side of the designer benchmark. For a 300-field form, in the real <Designer> (memory store,
 * live preview and publish checks included) and in a naive whole-canvas designer (the baseline):
 * select a field → next frame, one label keystroke → next frame (median and p95 of SAMPLES each),
 * and how many field cards re-render per edit. `designerSection.ts` calls `runDesignerBench`.
 */
import { createRoot } from 'react-dom/client';
import { createDesignerSession, createMemoryDesignerStore } from '../../../designer/src/index.js';
import { Designer } from '../../../designer/src/react/index.js';
import { bigForm } from './bigForm.js';
import { NaiveDesigner } from './naiveDesigner.js';

const SAMPLES = 25;
/** Longer than the designer's settle delays (preview 250 ms, publish checks 200 ms), so samples do not overlap them. */
const SETTLE_MS = 450;

const afterNextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function until<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 2000; i++) {
    const found = find();
    if (found) return found;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Type one character into a React-controlled input the way the browser does (value + input event). */
function keystroke(input: HTMLInputElement, char: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, input.value + char);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

interface Measured {
  select: number[];
  keystroke: number[];
  cardsPerSelect: number[];
  cardsPerKeystroke: number[];
}

async function measure(renders: { count: number }, cardButton: (i: number) => HTMLButtonElement | null, labelInput: () => HTMLInputElement | null): Promise<Measured> {
  const m: Measured = { select: [], keystroke: [], cardsPerSelect: [], cardsPerKeystroke: [] };
  for (let i = 0; i < SAMPLES; i++) {
    const card = await until(() => cardButton((i * 7) % 300), 'a field card');
    await sleep(SETTLE_MS);
    renders.count = 0;
    let t0 = performance.now();
    card.click();
    await afterNextFrame();
    m.select.push(performance.now() - t0);
    m.cardsPerSelect.push(renders.count);
    const input = await until(labelInput, 'the label input');
    await sleep(SETTLE_MS);
    renders.count = 0;
    t0 = performance.now();
    keystroke(input, '改');
    await afterNextFrame();
    m.keystroke.push(performance.now() - t0);
    m.cardsPerKeystroke.push(renders.count);
  }
  return m;
}

async function runDesigner(): Promise<Measured> {
  const host = document.getElementById('app')!;
  const renders = { count: 0 };
  const root = createRoot(host);
  const session = createDesignerSession(bigForm());
  root.render(<Designer store={createMemoryDesignerStore()} session={session} onFieldRender={() => void renders.count++} />);
  await until(() => host.querySelector('[data-field=f299]'), 'the designer');
  const labelInput = () => {
    const label = [...host.querySelectorAll('label')].find((l) => l.textContent === '标签（中文）');
    return label ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
  };
  const result = await measure(renders, (i) => host.querySelector<HTMLButtonElement>(`[data-field=f${i}] .ngd-card-main`), labelInput);
  root.unmount();
  return result;
}

async function runNaive(): Promise<Measured> {
  const host = document.getElementById('app')!;
  const renders = { count: 0 };
  const root = createRoot(host);
  root.render(<NaiveDesigner initial={bigForm()} onFieldRender={() => void renders.count++} />);
  await until(() => host.querySelector('[data-naive-field=f299]'), 'the naive designer');
  const result = await measure(renders, (i) => host.querySelector<HTMLButtonElement>(`[data-naive-field=f${i}] .ngd-card-main`), () => host.querySelector<HTMLInputElement>('[data-naive-label]'));
  root.unmount();
  return result;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const ratio = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(0)}%` : '—');

async function runDesignerBench(): Promise<string[][]> {
  const naive = await runNaive();
  const real = await runDesigner();
  const rows: string[][] = [['designer metric (300 fields)', '@nongan/designer', 'naive whole-canvas baseline', 'designer / baseline']];
  for (const [name, key] of [['select a field → next frame', 'select'], ['label keystroke → next frame', 'keystroke']] as const) {
    const a = stats(real[key]);
    const b = stats(naive[key]);
    rows.push([`${name}, median ms (n=${SAMPLES})`, fmt(a.median), fmt(b.median), ratio(a.median, b.median)]);
    rows.push([`${name}, p95 ms`, fmt(a.p95), fmt(b.p95), ratio(a.p95, b.p95)]);
  }
  for (const [name, key] of [['field cards re-rendered per selection (median)', 'cardsPerSelect'], ['field cards re-rendered per label keystroke (median)', 'cardsPerKeystroke']] as const) {
    const a = stats(real[key]).median;
    const b = stats(naive[key]).median;
    rows.push([name, String(a), String(b), ratio(a, b)]);
  }
  return rows;
}

Object.assign(window, { runDesignerBench });
document.getElementById('status')!.textContent = 'ready';
