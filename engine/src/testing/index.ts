export { createManualClock, type ManualClock } from './manualClock.js';
export { describeStoreConformance } from './storeConformance.js';
