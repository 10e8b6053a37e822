export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from "./database.js";
export {
  SAMPLE_RESOURCE_AGENT_NAME,
  sampleCustomer,
  sampleResourceAgent,
  sampleResourceMetric,
  sampleScalingEvent,
  sampleWorkflowExecution,
} from "./fixtures.js";
