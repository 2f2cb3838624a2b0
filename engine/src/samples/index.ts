/** Small workflows shaped like the real lifecycles, for tests, benchmarks and the engine demo. */
export { reviewWorkflow, reviewWorkflowV2, warningWorkflow, panelWorkflow, samplePeople, reviewMachine, warningMachine } from './sampleWorkflows.js';
export { sampleValidator } from './sampleValidator.js';
