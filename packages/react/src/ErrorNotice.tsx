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
      {shown.issues.length > 0 && (
        <>
          <p>{say('fieldIssues', locale)}:</p>
          <ul>
            {shown.issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path || '/'}</code> {locale === 'en' ? issue.message : (issue.messageZh ?? issue.message)}
                {issue.messageZh && issue.messageZh !== issue.message && <span lang={locale === 'en' ? 'zh-CN' : 'en'}> / {locale === 'en' ? issue.messageZh : issue.message}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
