/**
 * Lifecycle 4 — a batch from self-inspection to its 承诺达标合格证 (seeds 001, 003, 004; national
 * certificate rules). One case per batch (一批一证); the subject is the producer.
 */
import { assign, setup } from 'xstate';
import {
  CERTIFICATE_TITLE,
  certificateNumber,
  verificationCode,
  type CertificateFields,
  type CommitmentBasis,
} from '../certificates/certificateCode.js';
import type { CertificateParameters } from '../regions/types.js';
import { int, pinnedParameters, text, type Ev, type StartInput } from './machineKit.js';

export interface BatchContext {
  params: CertificateParameters & { version: string };
  instanceId: string;
  batch: { productName: string; category: string; quantity: number; unit: string; origin: string; producerName: string; contact: string };
  selfInspection: { basis: CommitmentBasis; passed: boolean } | null;
  rapidTests: Array<{ result: string; drug: string }>;
  certificate: (CertificateFields & { title: typeof CERTIFICATE_TITLE; code: string; electronic: boolean }) | null;
  blockedBecause: string | null;
  enforcement: { sampleNo: string | null; result: string | null; caseNo: string | null; transferred: boolean } | null;
  credit: { list: 'black'; kind: string; note: string } | null;
}

export const selfInspectToCertificateMachine = setup({
  types: { context: {} as BatchContext, events: {} as Ev, input: {} as StartInput },
  guards: {
    inspectionPassed: ({ event }) => event.data.result === 'pass',
    suspectedBanned: ({ event }) => event.data.result === 'suspected-banned',
    nonconforming: ({ event }) => event.data.result === 'nonconforming',
    samplePositive: ({ event }) => event.data.result === 'positive',
  },
  actions: {
    keepSelfInspection: assign(({ event }) => ({ selfInspection: { basis: text(event, 'basis') as CommitmentBasis, passed: event.data.result === 'pass' } })),
    keepRapidTest: assign(({ context, event }) => ({ rapidTests: [...context.rapidTests, { result: text(event, 'result'), drug: text(event, 'drug') }] })),
    // seed 001 §三: 发现农兽药超标等情况及时告知种养殖户，禁止该农产品上市销售
    blockSelf: assign({ blockedBecause: 'self-inspection failed' }),
    blockRapid: assign({ blockedBecause: 'rapid test nonconforming' }),
    issue: assign(({ context, event }) => {
      const issuedOn = text(event, 'issuedOn');
      const fields: CertificateFields = {
        number: certificateNumber(context.params.regionCode, issuedOn, context.instanceId),
        productName: context.batch.productName,
        quantity: int(event, 'quantity') || context.batch.quantity,
        unit: context.batch.unit,
        origin: context.batch.origin,
        producerName: context.batch.producerName,
        contact: context.batch.contact,
        issuedOn,
        basis: context.selfInspection?.basis ?? 'commissioned-test',
      };
      return { certificate: { ...fields, title: CERTIFICATE_TITLE, code: verificationCode(fields), electronic: context.params.electronic } };
    }),
    keepEnforcementSample: assign(({ event }) => ({ enforcement: { sampleNo: text(event, 'sampleNo'), result: null, caseNo: null, transferred: false } })),
    keepEnforcementResult: assign(({ context, event }) => ({ enforcement: { ...context.enforcement!, result: text(event, 'result') } })),
    keepCase: assign(({ context, event }) => ({ enforcement: { ...context.enforcement!, caseNo: text(event, 'caseNo') } })),
    markTransferred: assign(({ context }) => ({ enforcement: { ...context.enforcement!, transferred: true } })),
    // seed 001 附件1 第6项 / seed 003 §(十六): 冒名开具、虚假合格 → 信用化管理, 黑名单
    keepCredit: assign(({ event }) => ({ credit: { list: 'black' as const, kind: text(event, 'kind'), note: text(event, 'note') } })),
  },
}).createMachine({
  id: 'batch',
  initial: 'batchOpen',
  context: ({ input }) => ({
    params: pinnedParameters(input, 'certificate'),
    instanceId: input.instanceId,
    batch: {
      productName: String(input.data.productName ?? ''),
      category: String(input.data.category ?? ''),
      quantity: Number(input.data.quantity ?? 0),
      unit: String(input.data.unit ?? ''),
      origin: String(input.data.origin ?? ''),
      producerName: String(input.data.producerName ?? ''),
      contact: String(input.data.contact ?? ''),
    },
    selfInspection: null,
    rapidTests: [],
    certificate: null,
    blockedBecause: null,
    enforcement: null,
    credit: null,
  }),
  states: {
    // seed 003 §(十三): 推动落实自控自检要求; seed 001 §三: 以行政村为单位快检
    batchOpen: {
      on: {
        SELF_INSPECT: [
          { guard: 'inspectionPassed', target: 'readyToIssue', actions: 'keepSelfInspection' },
          { target: 'blocked', actions: ['keepSelfInspection', 'blockSelf'] },
        ],
        RAPID_TEST: [
          // seed 001 §三: 快检发现疑似禁用药物残留的，及时上报至区农业农村局启动执法抽检程序
          { guard: 'suspectedBanned', target: 'reportedToDistrict', actions: 'keepRapidTest' },
          { guard: 'nonconforming', target: 'blocked', actions: ['keepRapidTest', 'blockRapid'] },
          { actions: 'keepRapidTest' },
        ],
      },
    },
    readyToIssue: {
      on: {
        ISSUE_CERTIFICATE: { target: 'certified', actions: 'issue' },
        RAPID_TEST: [
          { guard: 'suspectedBanned', target: 'reportedToDistrict', actions: 'keepRapidTest' },
          { guard: 'nonconforming', target: 'blocked', actions: ['keepRapidTest', 'blockRapid'] },
          { actions: 'keepRapidTest' },
        ],
      },
    },
    certified: {
      on: {
        REPORT_FAKE: { target: 'creditRecorded', actions: 'keepCredit' },
        RETENTION_ENDS: 'archived',
      },
    },
    reportedToDistrict: { on: { START_ENFORCEMENT_SAMPLING: 'enforcementSampling' } },
    // DOMAIN.md §Roles: the enforcement team takes the enforcement sample; a lab enters the result
    enforcementSampling: { on: { TAKE_ENFORCEMENT_SAMPLE: { target: 'labTesting', actions: 'keepEnforcementSample' } } },
    labTesting: {
      on: {
        ENFORCEMENT_RESULT: [
          // seed 001 §三: 一旦发现 … 违法情况，立即立案查处
          { guard: 'samplePositive', target: 'positive', actions: 'keepEnforcementResult' },
          { target: 'readyToIssue', actions: 'keepEnforcementResult' },
        ],
      },
    },
    positive: { on: { FILE_CASE: { target: 'caseFiled', actions: 'keepCase' } } },
    // seed 001 §四 / 附件1 第7项: 构成犯罪的及时将案件移送公安机关; seed 003 §(四) 有案必移
    caseFiled: {
      on: {
        TRANSFER_TO_POLICE: { target: 'transferredToPolice', actions: 'markTransferred' },
        CLOSE_CASE: 'caseClosed',
      },
    },
    blocked: { type: 'final' },
    archived: { type: 'final' },
    creditRecorded: { type: 'final' },
    transferredToPolice: { type: 'final' },
    caseClosed: { type: 'final' },
  },
});
