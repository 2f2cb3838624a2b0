/** What keeps a certificate from being shown or printed: its problems, instead of an invalid certificate. */
import type { CertificateProblem } from './certificateModel.js';
import type { Locale } from './text.js';

export function CertificateProblems({ problems, locale, action }: { problems: readonly CertificateProblem[]; locale: Locale; action: 'shown' | 'printed' }) {
  const en = locale === 'en';
  return (
    <div className="nw nw-error" role="alert">
      <p>{en ? `This certificate cannot be ${action}:` : `合格证信息不完整，无法${action === 'shown' ? '显示' : '打印'}：`}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.path}>
            {action === 'shown' && <code>{p.path || '/'}</code>} {en ? p.message : p.messageZh}
          </li>
        ))}
      </ul>
    </div>
  );
}
