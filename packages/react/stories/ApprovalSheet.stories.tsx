/** The approval sheet (审批单) of a half-voted expert panel and of a delegated review, ready to print. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ApprovalSheet } from '../src/ApprovalSheet.js';
import type { Locale } from '../src/text.js';
import { formFieldLabeler } from '../src/timelineModel.js';
import { taskForms } from '../test/fixtures/taskSetup.js';
import { StoryEngine } from './StoryEngine.js';

function SheetStory({ locale, instanceId }: { locale: Locale; instanceId: string }) {
  return (
    <StoryEngine locale={locale} scenario="tasks">
      <ApprovalSheet instanceId={instanceId} fieldLabel={formFieldLabeler((form) => taskForms[form.id])} />
    </StoryEngine>
  );
}

const meta = {
  title: 'Widgets/ApprovalSheet',
  component: SheetStory,
  args: { locale: 'zh-CN', instanceId: 'p-201' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] }, instanceId: { control: 'select', options: ['t-101', 't-102', 't-103', 'p-201'] } },
} satisfies Meta<typeof SheetStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PanelHalfVoted: Story = {};
export const DelegatedReviewEnglish: Story = { args: { locale: 'en', instanceId: 't-102' } };
