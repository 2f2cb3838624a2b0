/** The canvas: the layout as nested sortable lists (steps, tabs, sections, columns). */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Canvas } from '../src/react/index.js';
import { farmSession, Part } from './harness.js';

const meta = {
  title: 'Designer/Canvas',
  component: Part,
  args: { make: () => farmSession(), locale: 'zh-CN', children: null },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof Part>;

export default meta;
type Story = StoryObj<typeof meta>;

export const EveryLayout: Story = { args: { children: <Canvas /> } };
export const SelectedField: Story = { args: { make: () => farmSession('uscc'), children: <Canvas /> } };
export const English: Story = { args: { children: <Canvas />, locale: 'en' } };
