export {
  type ContractSchemas,
  createContractSchemas,
  type Heartbeat,
  type HeartbeatInput,
  heartbeatSchema,
  type MetricBatch,
  type MetricBatchInput,
  type MetricSample,
  type MetricSampleInput,
  metricBatchSchema,
  metricSampleSchema,
  type ScalingEvent,
  type ScalingEventInput,
  scalingEventSchema,
} from "./contract-schemas.js";
export {
  type AgentStatus,
  type AgentStatusDetail,
  agentStatusDetailSchema,
  agentStatusSchema,
  type ResourceType,
  resourceTypeSchema,
  type ScalingEventType,
  scalingEventTypeSchema,
} from "./enums.js";
export { ContractError, type ContractIssue, formatIssues, parseOrThrow } from "./errors.js";
export { type ClockOptions, DEFAULT_MAX_FUTURE_SKEW_MS } from "./instant.js";
export {
  FORBIDDEN_JSON_KEYS,
  JSON_OBJECT_MAX_BYTES,
  JSON_OBJECT_MAX_DEPTH,
  type JsonObject,
  type JsonValue,
} from "./json-object.js";
export {
  findMetricDefinition,
  type MetricDefinition,
  metricCatalog,
  type OtelMapping,
} from "./metric-catalog.js";
export { METRIC_BATCH_MAX_SAMPLES } from "./metric-sample.js";
export { type ScalingState, type ScalingStateInput, scalingStateSchema } from "./scaling-event.js";
