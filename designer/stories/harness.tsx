/** Story helpers: realistic sessions (a farm registration, a Beijing variant) and a provider for single parts. */
import { useState, type ReactNode } from 'react';
import type { Locale } from '@nongan/forms';
import { createDesignerSession, moveVariantField, rebaseOnto, relabel, setHidden, setRule, startVariant, tighten, type DesignerSession } from '../src/index.js';
import { DesignerDnd, DesignerProvider } from '../src/react/index.js';
import { allKindsForm } from '../test/fixtures.js';

export function farmSession(selection: string | null = null): DesignerSession {
  const session = createDesignerSession(allKindsForm());
  session.execute(setRule('headCount', 'visibleIf', { or: [{ '==': [{ var: 'species' }, 'pig'] }, { '==': [{ var: 'species' }, 'cattle'] }] }));
  if (selection) session.select(selection);
  return session;
}

export function beijingSession(options: { conflicts?: boolean; regional?: boolean } = {}): DesignerSession {
  const base = allKindsForm();
  const session = createDesignerSession(base, startVariant(base, 'beijing'));
  session.execute(setHidden('address', true));
  session.execute(tighten('headCount', { maximum: 500_000 }));
  session.execute(tighten('area', { maximum: 2000 }));
  if (options.regional) {
    // Mobile right after the farm name, a stricter pattern on the farm name, regional help and unit.
    session.execute(moveVariantField('mobile', 'farmName'));
    session.execute(tighten('farmName', { pattern: '^\\S' }));
    session.execute(relabel('farmName', { help: { zh: '北京：与营业执照一致，不含空格开头', en: 'Beijing: as on the licence, no leading space' } }));
    session.execute(relabel('headCount', { unit: { zh: '只', en: 'animals' } }));
  }
  if (options.conflicts) {
    const v2 = allKindsForm();
    v2.version = '2.0.0';
    (v2.schema.properties as Record<string, Record<string, unknown>>).area!.maximum = 1000;
    session.execute(rebaseOnto(v2));
  }
  return session;
}

/** One designer part with a session, in the designer's context (and drag-and-drop context). */
export function Part({ make, locale = 'zh-CN', children }: { make: () => DesignerSession; locale?: Locale; children: ReactNode }) {
  const [session] = useState(make);
  return (
    <main>
      <DesignerProvider session={session} locale={locale}>
        <DesignerDnd>{children}</DesignerDnd>
      </DesignerProvider>
    </main>
  );
}
