/**
 * Variant mode: a Beijing overlay (hidden field, tightened bounds), the same with a moved field, a
 * regional pattern, help and unit, and the same after a rebase with a conflict.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Preview, VariantMode } from '../src/react/index.js';
import { beijingSession, Part } from './harness.js';

const meta = {
  title: 'Designer/Variant mode',
  component: Part,
  args: { make: () => beijingSession(), locale: 'zh-CN', children: <VariantMode /> },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof Part>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Beijing: Story = {};
export const BeijingEnglish: Story = { args: { locale: 'en' } };
export const MovedPatternHelpUnit: Story = { args: { make: () => beijingSession({ regional: true }) } };
export const RebaseConflicts: Story = { args: { make: () => beijingSession({ conflicts: true }) } };
export const ResolvedPreview: Story = { args: { children: <Preview delayMs={0} /> } };
