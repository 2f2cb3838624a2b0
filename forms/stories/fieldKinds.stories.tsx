/** One story per field kind, each with the real label, help, unit and constraints of a farm registration. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { FieldKind } from '../src/definition/types.js';
import { FormView } from '../src/react/index.js';
import { withFormStyles } from './decorators.js';
import { fieldsByKind, filledValue, formWith } from './storyForms.js';

const meta = {
  title: 'Forms/Field kinds',
  component: FormView,
  decorators: [withFormStyles],
  args: { locale: 'zh-CN', mode: 'edit' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    mode: { control: 'inline-radio', options: ['edit', 'readonly', 'print'] },
  },
} satisfies Meta<typeof FormView>;

export default meta;
type Story = StoryObj<typeof meta>;

function kindStory(kind: FieldKind, filled = false): Story {
  const keys = fieldsByKind[kind];
  const value = filled ? Object.fromEntries(keys.filter((k) => k in filledValue).map((k) => [k, filledValue[k]])) : {};
  return { args: { definition: formWith(keys), value } };
}

export const Text = kindStory('text');
export const Textarea = kindStory('textarea');
export const NumberWithUnit = kindStory('number');
export const IntegerWithUnit = kindStory('integer');
export const Select = kindStory('select');
export const Radio = kindStory('radio');
export const Checkboxes = kindStory('checkboxes');
export const Switch = kindStory('switch');
export const Date = kindStory('date');
export const DateRange = kindStory('dateRange', true);
export const Division = kindStory('division', true);
export const Attachments = kindStory('attachments');
export const Signature = kindStory('signature');
export const Rows = kindStory('rows', true);
export const Computed = kindStory('computed', true);
