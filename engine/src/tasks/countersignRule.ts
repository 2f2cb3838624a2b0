/**
 * When a countersign is decided: every signer agrees (会签 all), the first vote (或签), or a share of
 * the signers (e.g. 2 of 3). Decided as soon as the outcome is certain, either way.
 */
import type { CountersignRule, RunningCountersign, Signer } from './work.js';

export type CountersignOutcome = 'pass' | 'fail' | 'open';

export function countersignOutcome(rule: CountersignRule, signers: readonly Signer[]): CountersignOutcome {
  const total = signers.length;
  const agree = signers.filter((s) => s.vote?.decision === 'agree').length;
  const disagree = signers.filter((s) => s.vote?.decision === 'disagree').length;
  const pending = total - agree - disagree;
  switch (rule.kind) {
    case 'all':
      if (disagree > 0) return 'fail';
      return pending === 0 ? 'pass' : 'open';
    case 'any':
      // 或签: whoever votes first decides, either way.
      if (agree > 0) return 'pass';
      if (disagree > 0) return 'fail';
      return 'open';
    case 'ratio':
      // agree / total ≥ p / q, in integers: agree·q ≥ p·total.
      if (agree * rule.of >= rule.agree * total) return 'pass';
      if ((agree + pending) * rule.of < rule.agree * total) return 'fail';
      return 'open';
  }
}

/** The rule as people read it. */
export function ruleText(rule: CountersignRule): { en: string; zh: string } {
  switch (rule.kind) {
    case 'all':
      return { en: 'every signer must agree', zh: '全体会签人同意' };
    case 'any':
      return { en: 'the first vote decides', zh: '任一人办理即决定（或签）' };
    case 'ratio':
      return { en: `at least ${rule.agree}/${rule.of} of the signers must agree`, zh: `至少 ${rule.agree}/${rule.of} 的会签人同意` };
  }
}

export function pendingSigners(countersign: RunningCountersign): Signer[] {
  return countersign.signers.filter((s) => !s.vote);
}
