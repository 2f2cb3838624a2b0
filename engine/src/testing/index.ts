/** Test support for store adapters and engine users (imports vitest: not for application bundles). */
export { describeStoreConformance } from './storeConformance.js';
export { createManualClock, type ManualClock } from '../clock/manualClock.js';
export { describeTamperEvidence } from './tamperConformance.js';
