/** Case histories with their hash-chain check; one journal edited behind the engine's back. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Timeline } from '../src/Timeline.js';
import type { Locale } from '../src/text.js';
import { storyActors } from './scenarios.js';
import { StoryEngine, type ScenarioName } from './StoryEngine.js';

function TimelineStory({ locale, instanceId, scenario }: { locale: Locale; instanceId: string; scenario: ScenarioName }) {
  const reasonLabel = { zh: '理由', en: 'Reason' };
  const farmLabels: Record<string, { zh: string; en: string }> = { farmName: { zh: '养殖场名称', en: 'Farm name' }, headCount: { zh: '生猪存栏量', en: 'Pigs in stock' }, reason: reasonLabel };
  const names = Object.fromEntries(Object.values(storyActors).map((a) => [a.id, 'name' in a ? a.name : a.id]));
  return (
    <StoryEngine locale={locale} scenario={scenario}>
      <Timeline instanceId={instanceId} fieldLabel={(_entry, key) => farmLabels[key]} actorName={(id) => names[id]} />
    </StoryEngine>
  );
}

const meta = {
  title: 'Widgets/Timeline',
  component: TimelineStory,
  args: { locale: 'zh-CN', instanceId: 'q-105', scenario: 'jiyuan' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] }, scenario: { control: 'inline-radio', options: ['jiyuan', 'tampered', 'tasks'] } },
} satisfies Meta<typeof TimelineStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Submitted, approved twice, qualified when the public notice ended (a deadline, fired late). */
export const QualifiedChinese: Story = {};
export const ReturnedEnglish: Story = { args: { locale: 'en', instanceId: 'q-103' } };
/** The return's reason was edited in storage: the check names the altered entry. */
export const TamperedJournal: Story = { args: { instanceId: 'q-103', scenario: 'tampered' } };
/** Task operations as sentences: claimed, copied, chased twice (names from the journal). */
export const TaskEntriesChinese: Story = { args: { instanceId: 't-103', scenario: 'tasks' } };
/** An expert panel's votes with their score sheets, in English. */
export const PanelVotesEnglish: Story = { args: { locale: 'en', instanceId: 'p-201', scenario: 'tasks' } };
