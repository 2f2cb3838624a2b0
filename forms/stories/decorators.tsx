/** Story decorator: the renderer's stylesheet, as a host page would include it. */
import type { Decorator } from '@storybook/react-vite';
import { formStyles } from '../src/react/index.js';

export const withFormStyles: Decorator = (Story) => (
  <main>
    <style>{formStyles}</style>
    <Story />
  </main>
);
