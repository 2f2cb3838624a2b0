/**
 * The case view in the states task operations make: a review claimed by a colleague and by oneself,
 * one delegated (the delegate hands it back), an expert panel half voted (the last expert votes on the
 * score sheet; the organiser may add or remove signers), and a copy waiting to be read, chased twice.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CaseView } from '../src/CaseView.js';
import type { Locale } from '../src/text.js';
import { taskFormFor } from '../test/fixtures/taskSetup.js';
import { StoryEngine } from './StoryEngine.js';
import { storyPeople, taskActors, type TaskActor } from './taskScenario.js';

function TaskCaseStory({ locale, actor, instanceId }: { locale: Locale; actor: TaskActor; instanceId: string }) {
  return (
    <StoryEngine locale={locale} scenario="tasks">
      <CaseView instanceId={instanceId} actor={taskActors[actor]} formFor={taskFormFor} people={storyPeople} />
    </StoryEngine>
  );
}

const meta = {
  title: 'Widgets/CaseView/Task operations',
  component: TaskCaseStory,
  args: { locale: 'zh-CN', actor: 'colleague', instanceId: 't-101' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    actor: { control: 'select', options: Object.keys(taskActors) },
    instanceId: { control: 'select', options: ['t-101', 't-102', 't-103', 'p-201'] },
  },
} satisfies Meta<typeof TaskCaseStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 赵审核 opens a review 李审核 claimed: the holder is named, and nothing is left to decide. */
export const HeldByColleague: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^李审核（认领于/)).toBeVisible();
    await expect(await canvas.findByText('您当前没有可办理的操作。')).toBeVisible();
  },
};
/** 李审核 holds the review: release, transfer, delegate, send back to a step. */
export const HolderTransfers: Story = {
  args: { actor: 'reviewer' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '转办' }));
    await expect(await canvas.findByRole('radio', { name: '赵审核' })).toBeVisible();
  },
};
/** The delegate hands the task back: an opinion is required. */
export const DelegatedEnglish: Story = {
  args: { locale: 'en', instanceId: 't-102' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Hand back' }));
    await expect(await canvas.findByText('This operation needs an opinion.')).toBeVisible();
  },
};
/** One expert for, one against: 冯专家's score sheet decides the evaluation. */
export const CountersignHalfVoted: Story = {
  args: { actor: 'expertToVote', instanceId: 'p-201' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/冯专家：/)).toHaveTextContent('待表决');
    await userEvent.click(await canvas.findByRole('button', { name: '会签意见' }));
    await expect(await canvas.findByRole('spinbutton', { name: /评分/ })).toBeVisible();
  },
};
export const CountersignOrganiserEnglish: Story = { args: { locale: 'en', actor: 'municipal', instanceId: 'p-201' } };
/** 孙科长 was sent a copy and chased the holder twice: he marks the copy read. */
export const CopiedUnread: Story = {
  args: { actor: 'district', instanceId: 't-103' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/已催办 2 次/)).toBeVisible();
    await userEvent.click(await canvas.findByRole('button', { name: '已阅' }));
    await expect(await canvas.findByText(/孙科长 · 已读/)).toBeVisible();
  },
};
