/**
 * Every designer story, rendered in Chromium as Storybook renders it (composeStories applies args
 * and decorators): it mounts, shows its part, and axe-core finds no violations.
 */
import { composeStories } from '@storybook/react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as designerStories from '../stories/designer.stories.js';
import * as canvasStories from '../stories/canvas.stories.js';
import * as paletteStories from '../stories/palette.stories.js';
import * as propertyStories from '../stories/propertyPanel.stories.js';
import * as ruleStories from '../stories/ruleEditor.stories.js';
import * as variantStories from '../stories/variantMode.stories.js';
import { axeViolations, until } from './render.js';

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
  await until(() => host.querySelector('section, fieldset'), 'a designer part');
  return host;
}

const suites = { designer: designerStories, palette: paletteStories, canvas: canvasStories, properties: propertyStories, rules: ruleStories, variant: variantStories };

describe.each(Object.entries(suites))('%s stories', (_name, module) => {
  const stories = Object.entries(composeStories(module));
  it.each(stories)('%s renders with no axe-core violations', async (_story, Story) => {
    const host = await mountStory(Story as () => React.JSX.Element);
    if (host.querySelector('.ngd-preview')) await until(() => host.querySelector('.ngd-preview form, .ngd-preview [role=alert]'), 'the preview');
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(await axeViolations(host)).toEqual([]);
  });
});

describe('story content', () => {
  it('the whole designer shows palette, canvas, properties, preview and versions', async () => {
    const host = await mountStory(composeStories(designerStories).FarmRegistration);
    await until(() => host.querySelector('[data-field=farmName]') && host.querySelector('.ngd-preview form'), 'designer');
    for (const name of ['控件库', '画布', '属性', '预览', '版本']) expect(host.querySelector(`section[aria-label="${name}"]`)).not.toBeNull();
  });

  it('the unknown-field rule story flags the typo', async () => {
    const host = await mountStory(composeStories(ruleStories).UnknownField);
    expect(host.querySelector('.ngd-issues')?.textContent).toContain('speces');
  });

  it('the rebase story lists the conflict with drop / keep', async () => {
    const host = await mountStory(composeStories(variantStories).RebaseConflicts);
    expect(host.textContent).toContain('/overlay/tighten/area/maximum');
    expect([...host.querySelectorAll('button')].some((b) => b.textContent === '放弃此差异')).toBe(true);
  });
});
