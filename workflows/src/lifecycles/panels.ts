/**
 * Expert panels (会签) of the lifecycles: how a panel's score sheets decide an evaluation. Each expert
 * files the same score sheet a single evaluator would; a sheet at or above the pass score agrees
 * (seed 000 §六(二): 得分在80分以上的，认定为合格). The panel's result is the mean of the deciding side.
 */
import type { CountersignSpec, CountersignTally } from '@nongan/engine';
import type { CertificationContext } from './certification.machine.js';

const mean = (values: readonly number[]) => Math.round((values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)) * 10) / 10;

/** The panel's score sheet: the mean score of the deciding experts, the latest date, their findings together. */
export function panelScoreSheet({ deciding }: CountersignTally): Record<string, unknown> {
  const sheets = deciding.map((s) => s.vote?.data ?? {});
  const dates = sheets.map((d) => String(d.evaluatedOn ?? '')).filter(Boolean).sort();
  const findings = sheets.map((d) => String(d.findings ?? '').trim()).filter(Boolean);
  return {
    score: mean(sheets.map((d) => Number(d.score))),
    method: String(sheets[0]?.method ?? 'onsite'),
    evaluatedOn: dates[dates.length - 1] ?? '',
    ...(findings.length > 0 ? { findings: findings.join('；') } : {}),
  };
}

/** A Beijing expert-office panel deciding `event` at 2/3 of its members (seed 000 §二 专家支撑). */
export function expertPanel(event: string): CountersignSpec {
  return {
    role: 'expert-office',
    rule: { kind: 'ratio', agree: 2, of: 3 },
    vote: { form: 'cert-score', decide: (data, context: CertificationContext) => (Number(data.score) >= context.params.passScore ? 'agree' : 'disagree') },
    pass: { event, data: panelScoreSheet },
    fail: { event, data: panelScoreSheet },
    label: { zh: '专家组评审', en: 'Expert panel' },
  };
}

/** The reason a panel that did not agree gives: the opinions of those who disagreed, in order. */
export function disagreeingOpinions({ deciding }: CountersignTally): Record<string, unknown> {
  return { reason: deciding.map((s) => `${s.name ?? ''}：${s.vote?.opinion.text ?? ''}`).join('；') };
}
