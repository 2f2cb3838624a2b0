/** The structured rule editor: AND/OR groups, raw JsonLogic, unknown fields flagged. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { RuleEditor } from '../src/react/index.js';
import { farmSession, Part } from './harness.js';

const meta = {
  title: 'Designer/Rule editor',
  component: Part,
  args: { make: () => farmSession(), locale: 'zh-CN', children: null },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof Part>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OrGroup: Story = { args: { children: <RuleEditor fieldKey="headCount" /> } };
export const English: Story = { args: { children: <RuleEditor fieldKey="headCount" />, locale: 'en' } };
export const UnknownField: Story = {
  args: {
    make: () => {
      const s = farmSession();
      const definition = s.getSnapshot().state.definition;
      // A rule imported with a typo: the editor flags it.
      s.open({ ...definition, rules: { ...definition.rules, headCount: { visibleIf: { '==': [{ var: 'speces' }, 'pig'] } } } });
      return s;
    },
    children: <RuleEditor fieldKey="headCount" />,
  },
};
