/** Every layout kind: sections, column grids, tabs and steps (wizard), on the all-kinds form. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { LayoutNode } from '../src/definition/types.js';
import { FormView } from '../src/react/index.js';
import { allKindsForm } from '../test/fixtures/allKinds.js';
import { withFormStyles } from './decorators.js';
import { filledValue, formWithLayout } from './storyForms.js';

const meta = {
  title: 'Forms/Layouts',
  component: FormView,
  decorators: [withFormStyles],
  args: { locale: 'zh-CN', mode: 'edit', value: filledValue },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof FormView>;

export default meta;
type Story = StoryObj<typeof meta>;

const t = (zh: string, en: string) => ({ zh, en });
const field = (key: string): LayoutNode => ({ type: 'field', field: key });

export const Sections: Story = {
  args: {
    definition: formWithLayout({
      type: 'section',
      children: [
        { type: 'section', title: t('主体信息', 'Producer'), children: ['farmName', 'uscc', 'mobile', 'address'].map(field) },
        { type: 'section', title: t('养殖情况', 'Farming'), children: ['species', 'scale', 'headCount', 'largeFarm'].map(field) },
      ],
    }),
  },
};

export const Columns: Story = {
  args: {
    definition: formWithLayout({
      type: 'section',
      title: t('三列网格', 'Three-column grid'),
      children: [{ type: 'columns', columns: 3, children: ['farmName', 'uscc', 'mobile', 'species', 'headCount', 'area'].map(field) }],
    }),
  },
};

export const Tabs: Story = {
  args: {
    definition: formWithLayout({
      type: 'tabs',
      tabs: [
        { title: t('主体', 'Producer'), children: ['farmName', 'uscc', 'mobile'].map(field) },
        { title: t('养殖', 'Farming'), children: ['species', 'headCount', 'herds'].map(field) },
      ],
    }),
  },
};

/** The wizard: the all-kinds form's own layout (steps → sections → columns, and tabs inside a step). */
export const StepsWizard: Story = { args: { definition: allKindsForm() } };

export const StepsWizardEnglish: Story = { args: { definition: allKindsForm(), locale: 'en' } };
