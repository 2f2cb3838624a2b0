/** The four lifecycles, one definition each, shared by every region. */
import type { WorkflowDefinition } from '@nongan/engine';
import type { LifecycleId } from '../regions/types.js';
import { certification } from './certification.js';
import { qualificationReview } from './qualificationReview.js';
import { selfInspectToCertificate } from './selfInspectToCertificate.js';
import { warningToExit } from './warningToExit.js';

export const LIFECYCLES: Readonly<Record<LifecycleId, WorkflowDefinition>> = {
  qualificationReview,
  certification,
  warningToExit,
  selfInspectToCertificate,
};

export { certification, qualificationReview, selfInspectToCertificate, warningToExit };
export { DIRECT_EXIT_GROUNDS, FINDING_SOURCES } from './warningToExit.machine.js';
export { PARAMS_PIN, type StartInput, type StateMeta } from './machineKit.js';
export type { QualificationContext } from './qualificationReview.machine.js';
export type { CertificationContext, ComplianceYear } from './certification.machine.js';
export type { WarningContext } from './warningToExit.machine.js';
export type { BatchContext } from './selfInspectToCertificate.machine.js';
