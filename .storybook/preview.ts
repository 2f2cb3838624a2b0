import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: { layout: 'padded' },
  globalTypes: {
    locale: {
      description: 'Language of the rendered texts',
      toolbar: { title: 'Locale', items: ['zh-CN', 'en'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'zh-CN' },
};

export default preview;
