/**
 * Stories that need an engine render inside this: it seeds a memory-store engine with a scenario,
 * then renders the widget under <EngineProvider> with the story's locale and the stylesheets.
 */
import type { Engine } from '@nongan/engine';
import { formStyles } from '@nongan/forms/react';
import { useEffect, useState, type ReactNode } from 'react';
import { EngineProvider } from '../src/EngineProvider.js';
import { widgetStyles } from '../src/styles.js';
import type { Locale } from '../src/text.js';
import { jiyuanScenario, tamperedScenario } from './scenarios.js';
import { taskScenario } from './taskScenario.js';

export type ScenarioName = 'jiyuan' | 'tampered' | 'tasks';
const scenarios: Record<ScenarioName, () => Promise<{ engine: Engine }>> = { jiyuan: () => jiyuanScenario(), tampered: tamperedScenario, tasks: taskScenario };

export function Styles() {
  return <style>{formStyles + widgetStyles}</style>;
}

export function StoryEngine({ scenario = 'jiyuan', locale, children }: { scenario?: ScenarioName; locale: Locale; children: ReactNode }) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    scenarios[scenario]().then(
      (seeded) => live && setEngine(seeded.engine),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [scenario]);
  if (failure) return <p role="alert">{String(failure)}</p>;
  if (!engine) return <p aria-busy="true">…</p>;
  return (
    <main>
      <Styles />
      <EngineProvider engine={engine} locale={locale}>
        {children}
      </EngineProvider>
    </main>
  );
}
