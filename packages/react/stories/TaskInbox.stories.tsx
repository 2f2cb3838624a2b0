/**
 * The inbox of each Jiyuan role, with an overdue public notice, in Chinese and English; and its tabs
 * on the task scenario: 待认领 with its claim button, a colleague's claimed task, a copy unread.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import type { InboxTab } from '../src/inboxTabs.js';
import { TaskInbox } from '../src/TaskInbox.js';
import type { Locale } from '../src/text.js';
import { storyActors, type StoryActor } from './scenarios.js';
import { StoryEngine } from './StoryEngine.js';
import { taskActors, type TaskActor } from './taskScenario.js';

function TabsStory({ locale, actor, tab }: { locale: Locale; actor: TaskActor; tab: InboxTab }) {
  return (
    <StoryEngine locale={locale} scenario="tasks">
      <TaskInbox actor={taskActors[actor]} initialTab={tab} onOpen={(id) => console.info('open', id)} />
    </StoryEngine>
  );
}

function InboxStory({ locale, actor }: { locale: Locale; actor: StoryActor }) {
  return (
    <StoryEngine locale={locale}>
      <TaskInbox actor={storyActors[actor]} onOpen={(id) => console.info('open', id)} />
    </StoryEngine>
  );
}

const meta = {
  title: 'Widgets/TaskInbox',
  component: InboxStory,
  args: { locale: 'zh-CN', actor: 'supervision' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    actor: { control: 'select', options: Object.keys(storyActors) },
  },
} satisfies Meta<typeof InboxStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SupervisionChinese: Story = {};
export const SupervisionEnglish: Story = { args: { locale: 'en' } };
/** The district's inbox: the final review, and the objection window of an overdue public notice. */
export const DistrictWithOverdue: Story = {
  args: { actor: 'district' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const overdueOnly = await canvas.findByLabelText('仅显示逾期');
    await userEvent.click(overdueOnly);
    const rows = await canvas.findAllByRole('row');
    // Header row + the one overdue case.
    await expect(rows).toHaveLength(2);
    await expect(rows[1]).toHaveTextContent('已逾期');
  },
};
export const FarmEnglish: Story = { args: { actor: 'farm', locale: 'en' } };
export const NewFarmEmpty: Story = { args: { actor: 'newcomer' } };
/** 赵审核: two reviews 李审核 holds, and the one 李审核 delegated to him (his own to do). */
export const ColleagueTabs: Story = {
  render: ({ locale }) => <TabsStory locale={locale} actor="colleague" tab="held" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByText('已由 李审核 认领')).toHaveLength(2);
    await userEvent.click(canvas.getByRole('tab', { name: /^待办/ }));
    await expect(await canvas.findByText('由我办理')).toBeVisible();
  },
};
/** 孙科长's copies, one unread, in English. */
export const DistrictCopiesEnglish: Story = {
  args: { locale: 'en' },
  render: ({ locale }) => <TabsStory locale={locale} actor="district" tab="copies" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('tab', { name: /Copied to me\s*1\s*\(1 unread\)/ })).toHaveAttribute('aria-selected', 'true');
    await expect(await canvas.findByText('Unread')).toBeVisible();
  },
};
