/** The property panel: its groups follow the selected field kind. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { PropertyPanel } from '../src/react/index.js';
import { farmSession, Part } from './harness.js';

const meta = {
  title: 'Designer/Property panel',
  component: Part,
  args: { make: () => farmSession(), locale: 'zh-CN', children: null },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof Part>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FormSettings: Story = { args: { children: <PropertyPanel /> } };
export const TextField: Story = { args: { make: () => farmSession('farmName'), children: <PropertyPanel /> } };
export const NumberField: Story = { args: { make: () => farmSession('headCount'), children: <PropertyPanel /> } };
export const SelectField: Story = { args: { make: () => farmSession('species'), children: <PropertyPanel /> } };
export const Attachments: Story = { args: { make: () => farmSession('photos'), children: <PropertyPanel />, locale: 'en' } };
export const Section: Story = { args: { make: () => farmSession('/layout/steps/0/children/0'), children: <PropertyPanel /> } };
export const TableRows: Story = { args: { make: () => farmSession('herds'), children: <PropertyPanel /> } };
