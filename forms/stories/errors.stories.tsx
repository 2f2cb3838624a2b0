/**
 * Validation errors as users see them, in Chinese and in English: five broken values, every field
 * touched through the controller (`validateAll`, what a host calls on submit).
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { FormController } from '../src/index.js';
import { FormView } from '../src/react/index.js';
import { withFormStyles } from './decorators.js';
import { formWith, invalidValue } from './storyForms.js';

const showAllErrors = (controller: FormController) => void controller.validateAll();

const meta = {
  title: 'Forms/Errors',
  component: FormView,
  decorators: [withFormStyles],
  args: {
    definition: formWith(['farmName', 'uscc', 'mobile', 'species', 'headCount', 'registeredOn']),
    value: invalidValue,
    onController: showAllErrors,
  },
} satisfies Meta<typeof FormView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Chinese: Story = { args: { locale: 'zh-CN' } };
export const English: Story = { args: { locale: 'en' } };
