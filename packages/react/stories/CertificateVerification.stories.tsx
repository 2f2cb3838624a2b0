/** The public page a certificate's QR code opens: anyone can check a number or code. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { CertificateVerification } from '../src/CertificateVerification.js';
import { registerLookup } from '../test/fixtures/certificates.js';
import { Styles } from './StoryEngine.js';

const meta = {
  title: 'Widgets/CertificateVerification',
  component: CertificateVerification,
  decorators: [
    (Story) => (
      <main>
        <Styles />
        <Story />
      </main>
    ),
  ],
  args: { code: '7Q4M-K2XP', lookup: registerLookup, locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof CertificateVerification>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ValidChinese: Story = {};
export const FakeChinese: Story = { args: { code: 'HGZ-KZ-20260301-q9' } };
export const RevokedEnglish: Story = { args: { code: 'NM8-33KD-Q1', locale: 'en' } };
/** A forged number: not in the register. Then the visitor checks the real one. */
export const NotFoundThenValid: Story = {
  args: { code: 'KZ-2026-999999' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/可能为伪造证书/)).toBeVisible();
    const input = canvas.getByLabelText('合格证编号或核验码');
    await userEvent.clear(input);
    await userEvent.type(input, 'KZ-2026-000123{Enter}');
    await expect(await canvas.findByText(/核验通过/)).toBeVisible();
  },
};
