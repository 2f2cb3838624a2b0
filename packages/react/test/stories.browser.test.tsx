/**
 * Every widget story, rendered in Chromium as Storybook renders it (composeStories applies args,
 * decorators and render functions): it mounts without a crash, settles (nothing left busy), and
 * axe-core finds no violations; stories with a play function run it (the main interaction flows)
 * and are checked again afterwards.
 */
import { composeStories } from '@storybook/react';
import axe from 'axe-core';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as approvalSheetStories from '../stories/ApprovalSheet.stories.js';
import * as caseViewStories from '../stories/CaseView.stories.js';
import * as certificateStories from '../stories/Certificate.stories.js';
import * as verificationStories from '../stories/CertificateVerification.stories.js';
import * as diagramStories from '../stories/LifecycleDiagram.stories.js';
import * as inboxStories from '../stories/TaskInbox.stories.js';
import * as taskOperationStories from '../stories/TaskOperations.stories.js';
import * as timelineStories from '../stories/Timeline.stories.js';
import { until } from './render.js';

// Stories update asynchronously (engine queries, play functions awaiting the DOM), so they run as in
// a browser: no act() batching, the test waits for the DOM to settle instead.
let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
});

type Composed = (() => React.JSX.Element) & { play?: (context: { canvasElement: HTMLElement }) => Promise<void> };

/** Settled: the widget is there and nothing is loading (`aria-busy`). */
const settled = (host: HTMLElement) =>
  host.querySelector('section, figure, article, [role=alert]') !== null && host.querySelector('[aria-busy=true]') === null;

async function mountStory(Story: Composed): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  flushSync(() => root!.render(<Story />));
  await until(() => settled(host), 'the story to settle');
  return host;
}

async function axeViolations(node: HTMLElement) {
  const result = await axe.run(node, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const suites = {
  TaskInbox: inboxStories,
  CaseView: caseViewStories,
  TaskOperations: taskOperationStories,
  ApprovalSheet: approvalSheetStories,
  Timeline: timelineStories,
  LifecycleDiagram: diagramStories,
  CertificateCard: certificateStories,
  CertificateVerification: verificationStories,
};

describe.each(Object.entries(suites))('%s stories', (_name, module) => {
  const stories = Object.entries(composeStories(module as Parameters<typeof composeStories>[0]));
  it.each(stories)('%s renders (and plays) with no axe-core violations', async (_story, Story) => {
    const composed = Story as unknown as Composed;
    const host = await mountStory(composed);
    expect(await axeViolations(host)).toEqual([]);
    if (composed.play) {
      await composed.play({ canvasElement: host });
      await until(() => settled(host), 'the story to settle after play');
      expect(await axeViolations(host)).toEqual([]);
    }
  });
});

describe('story content', () => {
  it('every widget has stories in Chinese and English', () => {
    for (const module of Object.values(suites)) {
      const stories = Object.values(composeStories(module as Parameters<typeof composeStories>[0])) as Array<{ args: { locale?: string } }>;
      const locales = new Set(stories.map((s) => s.args.locale));
      expect(locales).toEqual(new Set(['zh-CN', 'en']));
    }
  });

  it('the inbox story shows the seeded Jiyuan cases with the overdue notice marked', async () => {
    const host = await mountStory(composeStories(inboxStories).DistrictWithOverdue as unknown as Composed);
    // The district may disqualify any running case (a machine-wide event), so it sees them all.
    const rows = [...host.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-instance')).sort()).toEqual(['q-100', 'q-101', 'q-102', 'q-103', 'q-104', 'q-105', 's-201']);
    expect(rows.filter((r) => r.className.includes('nw-overdue')).map((r) => r.getAttribute('data-instance'))).toEqual(['q-104']);
  });

  it('the tampered timeline story fails the hash-chain check and names the entry', async () => {
    const host = await mountStory(composeStories(timelineStories).TamperedJournal as unknown as Composed);
    const check = host.querySelector('.nw-verify')!;
    expect(check.getAttribute('data-verified')).toBe('false');
    expect(check.textContent).toContain('第 3 条记录在写入后被修改');
  });
});
