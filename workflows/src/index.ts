/**
 * @nongan/workflows: the four regulated lifecycles on @nongan/engine, their base forms and regional
 * variants on @nongan/forms, the five region profiles, and the pure calculations behind them.
 */
// Running the regions on an engine
export {
  createRegionEngineOptions,
  createRegionValidator,
  formsFor,
  pinsFor,
  startCase,
  workflowsFor,
  type RegionEngineOptions,
  type StartCaseOptions,
} from './runtime/regionEngine.js';
export { certificationStartRefusal } from './runtime/reapplicationBan.js';
export { qualificationStartRefusal } from './runtime/oneApplicationPerYear.js';
export { refusalError, type StartRefusal } from './runtime/startRefusal.js';
export { journalForReader } from './runtime/journalForReader.js';
export { subsidyAllocationFor, type YearAllocation } from './runtime/subsidyAllocation.js';
export { seedDemo, type SeedDemoOptions, type SeedDemoReport } from './demo/seedDemo.js';
export { actorFor, assignedOfficers, stepActor, townshipOfficerId, inspectionGroupLeaderId } from './demo/actors.js';
export { KAIZHOU_GRIDS, villageOf, inspectorAssignment } from './lifecycles/assignments.js';
export { demoDivisionOf } from './demo/demoDivisions.js';

// Lifecycles
export * from './lifecycles/index.js';

// Region profiles and parameters
export * from './regions/index.js';
export { REGION_DIVISIONS, divisionInRegion, type RegionDivision } from './regions/divisions.js';
export { ROLES, DEFAULT_ROLE_LABELS, SUBJECT_BOUND_ROLES, isRole, type Role } from './roles.js';

// Forms
export { BASE_FORMS, formIdsOf, formIdsOfRegion, variantOf, resolvedFormsOf, sampleData } from './forms/catalog.js';
export { REGIONAL_OVERLAYS, type RegionalOverlay } from './forms/regionalOverlays.js';
export type { BaseForm } from './forms/formKit.js';

// Forms published in the designer: which version a case of a region uses, and the built-in forms as designs
export { FormCatalog, FORM_PIN_PREFIX, designInForce, replacedFormId, withRegionalOverlay } from './designs/formCatalog.js';
export { BUILT_IN_NOTE, seedDesigns } from './designs/seedDesigns.js';

// Certificates
export * from './certificates/certificateCode.js';
export { verifyCertificate, type VerificationResult, type VerificationStatus } from './certificates/verifyCertificate.js';
export { signCertificate, splitToken, toBase64Url, fromBase64Url, CONTENT_KEYS, type CertificateContent } from './certificates/certificateToken.js';
export { readKeySet, generateAuthorityKey, importPrivateKey, importPublicKey, type CertificateJwk, type CertificateKeySet } from './certificates/certificateKeySet.js';
export { verifyCertificateToken, isCertificateContent, type TokenCheck, type TokenRefusal } from './certificates/verifyCertificateToken.js';
export { certificateQrText, certificateVerifyUrl, tokenOfVerifyUrl } from './certificates/verifyUrl.js';
export { signStatusList, verifyStatusList, listedStatus, type StatusListContent, type StatusListCheck, type ListedStatus } from './certificates/statusList.js';
export { CERTIFICATE_STATUSES, CHECK_OUTCOME_LABELS, PROBLEM_OUTCOMES, STANDING_MESSAGES, type CertificateStatus, type CertificateStanding, type PublicCertificate } from './certificates/certificateStanding.js';

// Calculations
export * from './calc/subsidy.js';
export * from './calc/scale.js';
export * from './calc/evaluation.js';
export * from './calc/coverage.js';
export * from './calc/luoyangRotation.js';
