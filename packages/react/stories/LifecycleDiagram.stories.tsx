/** The statechart of a lifecycle, laid out by dagre, with a case's current state highlighted. */
import { reviewWorkflow, warningWorkflow } from '@nongan/engine/samples';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { InstanceRecord } from '@nongan/engine';
import { LifecycleDiagram } from '../src/LifecycleDiagram.js';
import type { Locale } from '../src/text.js';
import { labelledReviewWorkflow } from '../test/fixtures/labelledWorkflow.js';
import { Styles } from './StoryEngine.js';

// Workflows are picked by name: a definition holds a machine (cyclic), which cannot be a story arg.
const workflows = { labelled: labelledReviewWorkflow, sample: reviewWorkflow, warning: warningWorkflow };

function DiagramStory(props: { workflow: keyof typeof workflows; state?: InstanceRecord['state']; locale: Locale; direction?: 'TB' | 'LR' }) {
  const workflow = workflows[props.workflow];
  return (
    <LifecycleDiagram
      workflow={workflow}
      locale={props.locale}
      {...(props.state === undefined ? {} : { instance: { workflowId: workflow.id, state: props.state } })}
      {...(props.direction ? { direction: props.direction } : {})}
    />
  );
}

const meta = {
  title: 'Widgets/LifecycleDiagram',
  component: DiagramStory,
  decorators: [
    (Story) => (
      <main>
        <Styles />
        <Story />
      </main>
    ),
  ],
  args: { workflow: 'labelled', locale: 'zh-CN' },
  argTypes: { workflow: { control: 'inline-radio', options: Object.keys(workflows) }, locale: { control: 'inline-radio', options: ['zh-CN', 'en'] }, direction: { control: 'inline-radio', options: ['TB', 'LR'] } },
} satisfies Meta<typeof DiagramStory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InitialReviewChinese: Story = { args: { state: { review: 'initial' } } };
export const PublicNoticeEnglish: Story = { args: { locale: 'en', state: 'notice' } };
export const LeftToRight: Story = { args: { direction: 'LR', state: 'returned' } };
/** The engine's unlabelled sample: state keys are shown. */
export const UnlabelledSample: Story = { args: { workflow: 'sample', locale: 'en' } };
export const WarningWorkflow: Story = { args: { workflow: 'warning', state: 'warned' } };
