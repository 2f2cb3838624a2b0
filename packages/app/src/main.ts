/**
 * Engine demo (replaced by the portal in a later issue): the sample qualification-review workflow on
 * Dexie/IndexedDB in this browser, with a demo clock, role switching, journal and hash-chain check.
 * Everything a role may or may not do is decided by the engine; the page only shows what it allows.
 */
import { createEngine, createManualClock } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { reviewWorkflow, sampleValidator, warningWorkflow } from '@nongan/engine/samples';
import { demoActors, describeError, exampleData } from './demoSetup.js';
import { renderDemo } from './render.js';

const CLOCK_KEY = 'nongan-demo-clock';
const clock = createManualClock(Number(localStorage.getItem(CLOCK_KEY) ?? Date.now()));
const engine = createEngine({
  store: createDexieStore({ name: 'nongan-demo' }),
  workflows: [reviewWorkflow, warningWorkflow],
  validate: sampleValidator,
  clock,
});

renderDemo(document.getElementById('app')!, {
  engine,
  clock,
  actors: demoActors,
  exampleData,
  describeError,
  saveClock: () => localStorage.setItem(CLOCK_KEY, String(clock.now())),
});
engine.startScheduler({ pollMs: 5_000 });
