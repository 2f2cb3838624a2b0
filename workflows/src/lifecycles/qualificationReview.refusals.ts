/**
 * What a farm or an official is told when a rule of seed 002 refuses a step of the qualification
 * review: the rule, with the numbers of the parameter version the case pinned, and the field it
 * concerns. The machine's guards decide; these only explain (engine `refusals`).
 */
import type { RefusalRule, RuleRefusal } from '@nongan/engine';
import { largeFarmGroupOf, minimumSamples } from '../calc/scale.js';
import { fenToYuan } from '../calc/subsidy.js';
import type { ScaleThreshold, Species } from '../regions/types.js';
import { SPECIES, SPECIES_NAMES } from '../regions/types.js';
import type { QualificationContext } from './qualificationReview.machine.js';

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
const isSpecies = (v: unknown): v is Species => (SPECIES as readonly string[]).includes(v as string);
const yuan = (fen: number) => fenToYuan(fen, { grouped: true });

function thresholdText(t: ScaleThreshold, name: (typeof SPECIES_NAMES)[Species]): { zh: string; en: string } {
  const zh = [t.stock !== undefined ? `存栏≥${t.stock}${name.unit}` : null, t.annualOutput !== undefined ? `年出栏≥${t.annualOutput}${name.unit}` : null].filter(Boolean).join('或');
  const en = [t.stock !== undefined ? `a stock of at least ${t.stock}` : null, t.annualOutput !== undefined ? `an annual output of at least ${t.annualOutput}` : null].filter(Boolean).join(' or ');
  return { zh, en };
}

/** seed 002 §三(一): only scale farms (any one threshold of the pinned version) apply. */
const belowScale: RefusalRule = ({ context, data }): RuleRefusal | undefined => {
  const species = data.species;
  if (!isSpecies(species)) return undefined;
  const t = (context as QualificationContext).params.scaleThresholds[species];
  const name = SPECIES_NAMES[species];
  const needed = thresholdText(t, name);
  const stock = count(data.stock);
  const output = count(data.annualOutput);
  return {
    rule: 'seed 002 §三(一)',
    path: t.stock !== undefined ? '/stock' : '/annualOutput',
    message: {
      zh: `${name.zh}养殖场须${needed.zh}方可申请（本次填报存栏${stock}${name.unit}、年出栏${output}${name.unit}）`,
      en: `a farm keeping ${name.en.toLowerCase()} needs ${needed.en} to apply (this application: stock ${stock}, annual output ${output})`,
    },
  };
};

/** seed 002 §三(三): large farms self-test, with at least 20 livestock or 30 poultry samples a test. */
const selfTest: RefusalRule = ({ context, data }): RuleRefusal | undefined => {
  const c = context as QualificationContext;
  if (!c.application) return undefined;
  const { largeFarmStock } = c.params;
  if (!c.largeFarm) {
    return {
      rule: 'seed 002 §三(三)',
      message: {
        zh: `仅大型规模养殖场（猪${largeFarmStock.pigs}头、牛${largeFarmStock.cattle}头、羊${largeFarmStock.sheep}只、禽${largeFarmStock.poultry}只以上）可自行开展免疫抗体检测并上传报告`,
        en: `only large farms (at least ${largeFarmStock.pigs} pigs, ${largeFarmStock.cattle} cattle, ${largeFarmStock.sheep} sheep or ${largeFarmStock.poultry} poultry) may upload their own antibody test report`,
      },
    };
  }
  const needed = minimumSamples(c.application.species, c.params.minSamples);
  const samples = count(data.samples);
  if (samples < needed) {
    const poultry = largeFarmGroupOf(c.application.species) === 'poultry';
    return {
      rule: 'seed 002 §三(三)',
      path: '/samples',
      message: {
        zh: `${poultry ? '家禽' : '家畜'}每次检测样品不少于${needed}份（本次${samples}份）`,
        en: `${poultry ? 'poultry' : 'livestock'} tests need at least ${needed} samples each (this one: ${samples})`,
      },
    };
  }
  return undefined;
};

/** seed 002 §二(二)2: heads claimed cannot exceed the immunisations entered in the system. */
const claimWithinRecords: RefusalRule = ({ context, data }): RuleRefusal | undefined => {
  const lines = Array.isArray(data.lines) ? (data.lines as Array<{ immunisedCount?: unknown }>) : [];
  const claimed = lines.reduce((sum, line) => sum + count(line.immunisedCount), 0);
  const recorded = (context as QualificationContext).immunisedHeads;
  return {
    rule: 'seed 002 §二(二)2',
    path: '/lines',
    message: { zh: `申请补助的免疫数量（${claimed}）不得超过系统免疫录入数量（${recorded}）`, en: `the immunised heads claimed (${claimed}) exceed those entered in the system (${recorded})` },
  };
};

/** seed 002 §四(四): the final review sets the amount, never above the claim. */
const withinClaim: RefusalRule = ({ context, data }): RuleRefusal | undefined => {
  const claim = (context as QualificationContext).claim;
  if (!claim) return undefined;
  return {
    rule: 'seed 002 §四(四)',
    path: '/approvedFen',
    message: { zh: `核定金额（${yuan(count(data.approvedFen))}元）不得超过申请金额（${yuan(claim.claimedFen)}元）`, en: `the approved amount (¥${yuan(count(data.approvedFen))}) exceeds the claim (¥${yuan(claim.claimedFen)})` },
  };
};

/** seed 002 §四(四): what is disbursed is what was approved. */
const paysApproved: RefusalRule = ({ context, data }): RuleRefusal => {
  const approved = (context as QualificationContext).approvedFen ?? 0;
  return {
    rule: 'seed 002 §四(四)',
    path: '/paidFen',
    message: { zh: `拨付金额（${yuan(count(data.paidFen))}元）须等于核定金额（${yuan(approved)}元）`, en: `the amount paid (¥${yuan(count(data.paidFen))}) must equal the approved amount (¥${yuan(approved)})` },
  };
};

export const qualificationReviewRefusals: Record<string, RefusalRule> = {
  SUBMIT: belowScale,
  SELF_TEST_REPORT: selfTest,
  CLAIM: claimWithinRecords,
  CLAIM_FINAL_APPROVE: withinClaim,
  PAY: paysApproved,
};
