/** The palette: every field kind and container, with drag handles and add buttons. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Palette } from '../src/react/index.js';
import { farmSession, Part } from './harness.js';

const meta = {
  title: 'Designer/Palette',
  component: Part,
  args: { make: () => farmSession(), locale: 'zh-CN', children: null },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof Part>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Chinese: Story = { args: { children: <Palette /> } };
export const English: Story = { args: { children: <Palette />, locale: 'en' } };
