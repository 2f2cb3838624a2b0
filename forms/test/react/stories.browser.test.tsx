/**
 * Every form story, rendered in Chromium as Storybook would render it (composeStories applies the
 * story's args and decorators): it mounts without a crash, shows a form (or, for the broken
 * definition, the list of problems), and axe-core finds no violations. The error stories must show
 * their messages by field label in their language.
 */
import { composeStories } from '@storybook/react';
import axe from 'axe-core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as errorStories from '../../stories/errors.stories.js';
import * as kindStories from '../../stories/fieldKinds.stories.js';
import * as layoutStories from '../../stories/layouts.stories.js';
import * as modeStories from '../../stories/modes.stories.js';
import { until } from './render.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

async function mountStory(Story: () => React.JSX.Element): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<Story />));
  await until(() => host.querySelector('form, [role=alert]'), 'a form or the problem list');
  return host;
}

async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const suites = { kinds: kindStories, layouts: layoutStories, modes: modeStories, errors: errorStories };

describe.each(Object.entries(suites))('%s stories', (_name, module) => {
  const stories = Object.entries(composeStories(module));
  it.each(stories)('%s renders with no axe-core violations', async (story, Story) => {
    const host = await mountStory(Story as () => React.JSX.Element);
    // Only the broken-definition story may show the problem list instead of a form.
    expect(host.querySelector('form') === null).toBe(story === 'BrokenDefinition');
    expect(await axeViolations(host)).toEqual([]);
  });
});

describe('story content', () => {
  const { Chinese, English } = composeStories(errorStories);

  it('error stories name fields by label in their language', async () => {
    let host = await mountStory(Chinese);
    await until(() => host.querySelectorAll('[aria-invalid=true]').length >= 5, 'five invalid fields');
    expect(host.textContent).toContain('校验码（最后一位）不正确，请核对');
    act(() => root!.unmount());
    host = await mountStory(English);
    await until(() => host.querySelectorAll('[aria-invalid=true]').length >= 5, 'five invalid fields');
    expect(host.textContent).toMatch(/check character/i);
  });

  it('the broken definition lists its problems and renders the hostile label as no element', async () => {
    const host = await mountStory(composeStories(modeStories).BrokenDefinition);
    expect(host.querySelector('[role=alert]')?.textContent).toContain('/fields/farmName');
    expect(host.querySelector('script')).toBeNull();
  });

  it('there is a story for every field kind', async () => {
    const { FIELD_KINDS } = await import('../../src/definition/types.js');
    expect(Object.keys(composeStories(kindStories))).toHaveLength(FIELD_KINDS.length);
  });
});
