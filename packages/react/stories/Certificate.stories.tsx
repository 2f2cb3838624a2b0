/** Printable 承诺达标合格证 and the public verification page (valid, revoked, not found). */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { CertificateCard } from '../src/CertificateCard.js';
import { muttonCertificate, sampleCertificate } from '../test/fixtures/certificates.js';
import { Styles } from './StoryEngine.js';

const meta = {
  title: 'Widgets/CertificateCard',
  component: CertificateCard,
  decorators: [
    (Story) => (
      <main>
        <Styles />
        <Story />
      </main>
    ),
  ],
  args: { certificate: sampleCertificate, locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
} satisfies Meta<typeof CertificateCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Kaizhou vegetables, self-tested (seed 003). */
export const KaizhouVegetablesChinese: Story = {};
/** Inner Mongolia mutton with the producer's traceability code (seed 004). */
export const InnerMongoliaMuttonEnglish: Story = { args: { certificate: muttonCertificate, locale: 'en' } };
export const IncompleteCertificate: Story = { args: { certificate: { ...sampleCertificate, productName: '', issuedOn: '2026-3-2' } } };
