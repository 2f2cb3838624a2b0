/**
 * The work on a case's task, as a case view shows it: who holds it (and how: claimed, assigned,
 * transferred), to whom it is delegated, the countersign under way — its rule in words and each
 * signer's vote and opinion, or 待表决 — the copies sent (read or unread) and the reminders.
 */
import type { InstanceRecord } from '@nongan/engine';
import type { FormDefinition } from '@nongan/forms';
import { summarizeValue } from './timelineModel.js';
import { describeWork } from './workModel.js';
import { pick, say, type Locale, type LocalText } from './text.js';

export interface WorkStatusProps {
  record: InstanceRecord;
  /** The actor may claim the task: then an unheld task says so (尚未认领); a farm's own step is nobody's to claim. */
  claimable: boolean;
  locale: Locale;
  /** The countersign's vote form, to label the votes' data (unlabelled data is not shown). */
  voteForm?: FormDefinition | undefined;
  roleLabels?: Readonly<Record<string, LocalText>>;
}

export function WorkStatus({ record, claimable, locale, voteForm, roleLabels }: WorkStatusProps) {
  const view = describeWork(record.work, locale, roleLabels);
  const showHolder = view.holder !== null || (claimable && record.status === 'active');
  if (!showHolder && !view.delegate && !view.countersign && view.copies.length === 0 && !view.chases && !view.escalation) return null;
  const sep = locale === 'en' ? ': ' : '：';
  const dataText = (data: Record<string, unknown> | null) =>
    Object.entries(data ?? {})
      .map(([key, value]) => {
        const label = voteForm?.fields[key]?.label;
        return label ? `${pick(label, locale)} ${summarizeValue(value, locale)}` : null;
      })
      .filter((s): s is string => s !== null)
      .join(locale === 'en' ? ', ' : '，');

  return (
    <div className="nw-work" data-testid="work-status">
      <h3>{say('workStatus', locale)}</h3>
      <dl>
        {showHolder && (
          <>
            <dt>{say('heldBy', locale)}</dt>
            <dd data-work="holder">{view.holder ? (locale === 'en' ? `${view.holder.name} (${view.holder.text})` : `${view.holder.name}（${view.holder.text}）`) : say('notClaimed', locale)}</dd>
          </>
        )}
        {view.delegate && (
          <>
            <dt>{say('delegatedTo', locale)}</dt>
            <dd data-work="delegate">
              {view.delegate.name} · {view.delegate.since}
            </dd>
          </>
        )}
        {view.countersign && (
          <>
            <dt>{say('countersignRunning', locale)}</dt>
            <dd data-work="countersign">
              <p>{view.countersign.started}</p>
              <ul>
                {view.countersign.signers.map((s) => {
                  const data = dataText(s.data);
                  return (
                    <li key={s.id} data-vote={s.decision ?? 'pending'}>
                      {s.name}
                      {sep}
                      <strong>{s.voteText}</strong>
                      {data && ` · ${data}`}
                      {s.opinion && ` · ${s.opinion}`}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
        {view.copies.length > 0 && (
          <>
            <dt>{say('copies', locale)}</dt>
            <dd data-work="copies">
              <ul>
                {view.copies.map((c, i) => (
                  <li key={i} data-read={c.read}>
                    {c.to} · {c.text}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {view.escalation && (
          <>
            <dt>{say('escalation', locale)}</dt>
            <dd data-work="escalation">{view.escalation}</dd>
          </>
        )}
        {view.chases && (
          <>
            <dt>{say('chases', locale)}</dt>
            <dd data-work="chases">{view.chases.text}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
