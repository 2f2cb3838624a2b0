/**
 * Browser side of the forms benchmark. `formsSection.ts` drives it: mounts a form (ours or the
 * baseline), types real keys into the middle field through Playwright, and reads the latencies
 * recorded here. Keystroke latency is measured from the input event's own timestamp (when the
 * browser created it, before any handler ran) to (a) the end of the work the key caused (React
 * commits discrete input synchronously, so the end of the input listener chain is the end of the
 * work) and (b) the start of the next animation frame, when the change can be painted. The gap
 * between the key's CDP dispatch and the input event is Playwright's, not the form's, and is left out.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { loadForm, type FormController } from '@nongan/forms';
import { FormView, formStyles } from '@nongan/forms/react';
import { BaselineForm, compileBaseline } from './baselineForm.js';
import { dataWithFiveErrors, middleKey, seededForm } from '../seededForm.js';

export type Which = 'nongan' | 'baseline';

const stage = document.getElementById('stage')!;
const style = document.createElement('style');
style.textContent = formStyles;
document.head.append(style);

let root: Root | undefined;
let controller: FormController | undefined;
const latencies = { work: [] as number[], frame: [] as number[] };

// Registered on window in the bubble phase: runs after React's root listener and its sync commit.
window.addEventListener('input', (e) => {
  const t0 = e.timeStamp;
  queueMicrotask(() => latencies.work.push(performance.now() - t0));
  requestAnimationFrame(() => latencies.frame.push(performance.now() - t0));
});

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Mounts a fresh form of `n` fields; returns ms from render call to all fields in the DOM and painted. */
async function mount(which: Which, n: number): Promise<number> {
  root?.unmount();
  stage.replaceChildren();
  controller = undefined;
  const form = seededForm(n);
  await nextFrame();
  const t0 = performance.now();
  root = createRoot(stage);
  if (which === 'nongan') {
    flushSync(() => root!.render(<FormView definition={form} value={{}} locale="zh-CN" onController={(c) => void (controller = c)} />));
  } else {
    const validate = compileBaseline(form);
    flushSync(() => root!.render(<BaselineForm form={form} validate={validate} />));
  }
  const selector = which === 'nongan' ? '.ng-field' : '.bl-field';
  while (stage.querySelectorAll(selector).length < n) await new Promise((r) => setTimeout(r, 0));
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const ms = performance.now() - t0;
  // Live validation while typing, as after the user has once left the field.
  if (which === 'nongan') controller!.touch(middleKey(n));
  return ms;
}

function middleSelector(which: Which, n: number): string {
  return which === 'nongan' ? `[id$="-${middleKey(n)}"]` : `#bl-${middleKey(n)}`;
}

function takeLatencies() {
  const taken = { work: [...latencies.work], frame: [...latencies.frame] };
  latencies.work.length = 0;
  latencies.frame.length = 0;
  return taken;
}

/**
 * Full validation of data with five errors: `reps` samples, each the mean of a batch of runs, since
 * one run is below the browser's coarsened timer resolution for small forms.
 */
const BATCH = 20;

function fullValidation(which: Which, n: number, reps: number): number[] {
  const form = seededForm(n);
  const data = dataWithFiveErrors(form);
  const times: number[] = [];
  if (which === 'nongan') {
    const loaded = loadForm(form);
    if (!loaded.ok) throw new Error('seeded form does not load');
    const validator = loaded.validator;
    const found = validator.validate(data, { locale: 'zh-CN' }).issues.length;
    if (found !== 5) throw new Error(`expected 5 issues, got ${found}`);
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      for (let b = 0; b < BATCH; b++) validator.validate(data, { locale: 'zh-CN' });
      times.push((performance.now() - t0) / BATCH);
    }
  } else {
    const validate = compileBaseline(form);
    validate(data);
    if (validate.errors?.length !== 5) throw new Error(`expected 5 errors, got ${validate.errors?.length}`);
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      for (let b = 0; b < BATCH; b++) {
        validate(data);
        (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
      }
      times.push((performance.now() - t0) / BATCH);
    }
  }
  return times;
}

Object.assign(window, { benchForms: { mount, middleSelector, takeLatencies, fullValidation } });
document.getElementById('status')!.textContent = 'ready';
