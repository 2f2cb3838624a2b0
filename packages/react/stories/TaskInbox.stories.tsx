/** The inbox of each Jiyuan role, with an overdue public notice, in Chinese and English. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { TaskInbox } from '../src/TaskInbox.js';
import type { Locale } from '../src/text.js';
import { storyActors, type StoryActor } from './scenarios.js';
import { StoryEngine } from './StoryEngine.js';

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
