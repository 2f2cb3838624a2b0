/**
 * The case view as each role meets it: a farm whose application the engine refuses (below the scale
 * threshold), a reviewer returning an application (a reason is required), the district during an
 * overdue public notice, and a closed case.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CaseView } from '../src/CaseView.js';
import type { Locale } from '../src/text.js';
import { sampleFormFor } from '../test/fixtures/forms.js';
import { storyActors, type StoryActor } from './scenarios.js';
import { StoryEngine } from './StoryEngine.js';

function CaseStory({ locale, actor, instanceId }: { locale: Locale; actor: StoryActor; instanceId: string }) {
  return (
    <StoryEngine locale={locale}>
      <CaseView instanceId={instanceId} actor={storyActors[actor]} formFor={sampleFormFor} />
    </StoryEngine>
  );
}

const meta = {
  title: 'Widgets/CaseView',
  component: CaseStory,
  args: { locale: 'zh-CN', actor: 'supervision', instanceId: 'q-101' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    actor: { control: 'select', options: Object.keys(storyActors) },
    instanceId: { control: 'select', options: ['q-100', 'q-101', 'q-102', 'q-103', 'q-104', 'q-105', 's-201'] },
  },
} satisfies Meta<typeof CaseStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A farm with 120 pigs submits: the engine refuses (scale threshold ≥300, seed 002) and says why. */
export const FarmRefusedByEngine: Story = {
  args: { actor: 'newcomer', instanceId: 'q-100' },
  // The draft belongs to farm-6; the story's farm user acts for it.
  render: ({ locale }) => (
    <StoryEngine locale={locale}>
      <CaseView instanceId="q-100" actor={{ ...storyActors.newcomer, subjects: ['farm-6'] }} formFor={sampleFormFor} />
    </StoryEngine>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '提交申请' }));
    await userEvent.type(await canvas.findByRole('textbox', { name: /养殖场名称/ }), '济源市坡头镇张家养殖户');
    await userEvent.type(await canvas.findByRole('spinbutton', { name: /生猪存栏量/ }), '120');
    await userEvent.click(canvas.getByRole('button', { name: '提交' }));
    const refusal = await canvas.findByText(/但其条件未满足/);
    await expect(refusal).toBeVisible();
  },
};
export const ReviewerChinese: Story = {};
/** The reviewer returns the application: a blank reason is refused before anything is sent. */
export const ReviewerReturnsEnglish: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Return' }));
    await userEvent.type(await canvas.findByRole('textbox', { name: /Reason/ }), '  ');
    await userEvent.click(canvas.getByRole('button', { name: 'Submit' }));
    await expect(await canvas.findByText('A return or rejection needs a reason.', { selector: '[role=alert] p' })).toBeVisible();
  },
};
export const DistrictOverdueNotice: Story = { args: { actor: 'district', instanceId: 'q-104' } };
export const FarmReturnedEnglish: Story = { args: { actor: 'farm', instanceId: 'q-103', locale: 'en' } };
export const QualifiedCase: Story = { args: { actor: 'district', instanceId: 'q-105' } };
export const UnlabelledSampleWorkflow: Story = { args: { actor: 'supervision', instanceId: 's-201', locale: 'en' } };
