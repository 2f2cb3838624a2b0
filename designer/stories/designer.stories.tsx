/** The whole designer: a new form, the farm registration (with a lifecycle contract), English UI. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { createMemoryDesignerStore } from '../src/index.js';
import { Designer } from '../src/react/index.js';
import { allKindsForm } from '../test/fixtures.js';

const meta = {
  title: 'Designer/Designer',
  component: Designer,
  decorators: [(Story) => <main><Story /></main>],
  args: { store: createMemoryDesignerStore(), locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] }, store: { control: false } },
} satisfies Meta<typeof Designer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BlankForm: Story = { args: { store: createMemoryDesignerStore(), formId: 'new-form' } };

export const FarmRegistration: Story = {
  args: {
    store: createMemoryDesignerStore(),
    formId: 'farm-registration',
    initialDefinition: allKindsForm(),
    region: 'beijing',
    contracts: { 'farm-registration': { type: 'object', required: ['farmName', 'headCount'] } },
  },
};

export const English: Story = { args: { store: createMemoryDesignerStore(), formId: 'farm-registration', initialDefinition: allKindsForm(), locale: 'en' } };
