/** An error as the engine states it: its Chinese and English messages and its field issues. */
import { useOptionalEngineContext } from './EngineProvider.js';
import { shownError } from './engineErrors.js';
import { say, type Locale, type UiKey } from './text.js';

export function ErrorNotice({ error, title, locale: localeProp }: { error: unknown; title?: UiKey; locale?: Locale }) {
  const context = useOptionalEngineContext();
  const locale = localeProp ?? context?.locale ?? 'zh-CN';
  const shown = shownError(error);
  const [first, second] = locale === 'en' ? [shown.message, shown.messageZh] : [shown.messageZh, shown.message];
  return (
    <div className="nw-error" role="alert" data-code={shown.code}>
      {title && <p><strong>{say(title, locale)}</strong></p>}
      <p lang={locale === 'en' ? 'en' : 'zh-CN'}>{first}</p>
      {second !== first && <p lang={locale === 'en' ? 'zh-CN' : 'en'}>{second}</p>}
      {shown.existing && context?.caseHref && (
        <p>
          <a href={context.caseHref(shown.existing.instanceId)} data-testid="existing-case">
            {say('openExisting', locale)}
            {shown.existing.caseNumber ? ` ${shown.existing.caseNumber}` : ''}
          </a>
        </p>
      )}
      {shown.issues.length > 0 && (
        <>
          <p>{say('fieldIssues', locale)}:</p>
          <ul>
            {shown.issues.map((issue, i) => (
              <li key={i}>
                {/* The field is named by the message (its label), never by its data path. */}
                {locale === 'en' ? issue.message : (issue.messageZh ?? issue.message)}
                {issue.messageZh && issue.messageZh !== issue.message && <span lang={locale === 'en' ? 'zh-CN' : 'en'}> / {locale === 'en' ? issue.messageZh : issue.message}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
