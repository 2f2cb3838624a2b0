/**
 * The work on a case's current task in words: who holds it and how they came to, to whom it is
 * delegated, the countersign under way (its rule, each signer's vote and opinion or 待表决), the
 * copies sent (read or not) and how often the holder was chased. No React here.
 */
import { countersignRuleText, type CaseWork, type HoldHow, type Person } from '@nongan/engine';
import { chinaDateTime } from './timelineModel.js';
import { roleLabel } from './labels.js';
import { pick, say, type Locale, type LocalText, type UiKey } from './text.js';

export interface SignerView {
  id: string;
  name: string;
  decision: 'agree' | 'disagree' | null;
  /** 同意 / 不同意 / 待表决 */
  voteText: string;
  opinion: string | null;
  /** The vote's own form data (e.g. the score), when it carries some. */
  data: Record<string, unknown> | null;
}

export interface WorkView {
  holder: { name: string; text: string } | null;
  delegate: { name: string; since: string } | null;
  countersign: { rule: string; started: string; signers: SignerView[] } | null;
  copies: Array<{ to: string; by: string; at: string; read: boolean; text: string }>;
  chases: { count: number; text: string } | null;
  /** 超期上报: when the task went up, and to which roles (labelled). */
  escalation: string | null;
}

const HOW: Record<HoldHow, UiKey> = { claimed: 'howClaimed', assigned: 'howAssigned', transferred: 'howTransferred', withdrawn: 'howWithdrawn', auto: 'howAuto' };

/** A person's name; the engine records one wherever a person was named, so the fallback is rare. */
export const personName = (person: Person, locale: Locale): string => person.name ?? say('someone', locale);

export function describeWork(work: CaseWork | undefined, locale: Locale, roleLabels?: Readonly<Record<string, LocalText>>): WorkView {
  const name = (p: Person) => personName(p, locale);
  const holder = work?.holder;
  const running = work?.countersign;
  return {
    holder: holder ? { name: name(holder), text: say('since', locale, { how: say(HOW[holder.how], locale), when: chinaDateTime(holder.since) }) } : null,
    delegate: work?.delegate ? { name: name(work.delegate), since: chinaDateTime(work.delegate.since) } : null,
    countersign: running
      ? {
          rule: pick(countersignRuleText(running.rule), locale),
          started: say('countersignRule', locale, { rule: pick(countersignRuleText(running.rule), locale), name: name(running.startedBy), when: chinaDateTime(running.startedAt) }),
          signers: running.signers.map((s) => ({
            id: s.id,
            name: name(s),
            decision: s.vote?.decision ?? null,
            voteText: say(s.vote ? s.vote.decision : 'pendingVote', locale),
            opinion: s.vote && s.vote.opinion.text.trim() !== '' ? s.vote.opinion.text : null,
            data: s.vote?.data ?? null,
          })),
        }
      : null,
    copies: (work?.copies ?? []).map((c) => ({
      to: name(c.to),
      by: name(c.by),
      at: chinaDateTime(c.at),
      read: c.readAt !== undefined,
      text: c.readAt !== undefined ? say('readOn', locale, { when: chinaDateTime(c.readAt) }) : say('unread', locale),
    })),
    escalation: work?.escalation
      ? say('escalatedTo', locale, { when: chinaDateTime(work.escalation.at), roles: work.escalation.roles.map((r) => roleLabel(r, locale, roleLabels)).join(locale === 'en' ? ', ' : '、') })
      : null,
    chases: work?.chases ? { count: work.chases.count, text: say('chaseCount', locale, { n: work.chases.count, name: name(work.chases.lastBy), when: chinaDateTime(work.chases.lastAt) }) } : null,
  };
}
