/** Read-only and print modes of a filled registration, and what a broken definition shows instead of a blank page. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormView } from '../src/react/index.js';
import { allKindsForm } from '../test/fixtures/allKinds.js';
import { withFormStyles } from './decorators.js';
import { filledValue } from './storyForms.js';

const meta = {
  title: 'Forms/Modes',
  component: FormView,
  decorators: [withFormStyles],
  args: { locale: 'zh-CN', definition: allKindsForm(), value: filledValue },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof FormView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ReadOnly: Story = { args: { mode: 'readonly' } };
export const ReadOnlyEnglish: Story = { args: { mode: 'readonly', locale: 'en' } };
export const Print: Story = { args: { mode: 'print' } };

/** A definition with an unknown field kind and a rule on a missing field: the problems are listed. */
export const BrokenDefinition: Story = {
  args: {
    mode: 'edit',
    definition: {
      ...allKindsForm(),
      fields: { ...allKindsForm().fields, farmName: { kind: 'hologram', label: { zh: '<script>alert(1)</script>', en: 'x' } } },
      rules: { photos: { visibleIf: { '==': [{ var: 'nope' }, 1] } } },
    },
  },
};
