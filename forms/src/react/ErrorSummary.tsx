/**
 * 错误汇总: after a submit was tried, the problems of the whole form listed at its top, each a link
 * that moves focus to its field — on a long form (or a phone) the first problem may be far below.
 */
import { useEffect, useState } from 'react';
import type { FormController } from '../controller/formController.js';
import type { Locale } from '../definition/types.js';
import { fieldMessage } from '../validation/issueMessages.js';
import { pick, say } from './text.js';

interface Entry {
  key: string;
  label: string;
  text: string;
}

const NONE: Entry[] = [];

function entriesOf(controller: FormController, locale: Locale): Entry[] {
  if (!controller.wasValidated()) return NONE;
  const entries: Entry[] = [];
  for (const [key, spec] of Object.entries(controller.definition.fields)) {
    const state = controller.getField(key);
    if (!state.visible) continue;
    for (const issue of state.issues) entries.push({ key, label: pick(spec.label, locale), text: fieldMessage(issue, spec.label, locale) });
  }
  return entries.length === 0 ? NONE : entries;
}

const sameEntries = (a: readonly Entry[], b: readonly Entry[]) => a.length === b.length && a.every((e, i) => e.key === b[i]!.key && e.text === b[i]!.text && e.label === b[i]!.label);

export function ErrorSummary({ controller, idPrefix, locale }: { controller: FormController; idPrefix: string; locale: Locale }) {
  const [entries, setEntries] = useState<Entry[]>(() => entriesOf(controller, locale));
  useEffect(() => {
    // Every keystroke notifies: keep the list (no re-render) unless the problems changed, and read no field before a submit.
    const update = () => setEntries((shown) => {
      const next = entriesOf(controller, locale);
      return sameEntries(shown, next) ? shown : next;
    });
    update();
    return controller.subscribeAll(update);
  }, [controller, locale]);
  if (entries.length === 0) return null;
  return (
    <div className="ng-error-summary" role="alert" aria-labelledby={`${idPrefix}-summary-title`}>
      <p id={`${idPrefix}-summary-title`}>
        <strong>{say('summary', locale, { n: entries.length })}</strong>
      </p>
      <ul>
        {entries.map((entry, i) => (
          <li key={`${entry.key}:${i}`}>
            <a
              href={`#${idPrefix}-${entry.key}`}
              onClick={(event) => {
                const target = document.getElementById(`${idPrefix}-${entry.key}`);
                if (!target) return;
                event.preventDefault();
                // A group (radios) is focused through its first control.
                const focusable = target.matches('input, select, textarea, button') ? target : (target.querySelector<HTMLElement>('input, select, textarea, button') ?? target);
                focusable.focus();
                focusable.scrollIntoView({ block: 'center' });
              }}
            >
              {entry.label}
            </a>
            {locale === 'en' ? ': ' : '：'}
            {entry.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
