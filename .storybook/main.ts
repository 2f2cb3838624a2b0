/**
 * One Storybook for every React layer: the form renderer, the designer and the workflow widgets.
 * Stories are also rendered by each package's `stories.browser.test.tsx` (composeStories) in Chromium,
 * so a story that breaks fails `pnpm test`.
 */
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../forms/**/*.stories.tsx', '../designer/**/*.stories.tsx', '../packages/react/**/*.stories.tsx'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
