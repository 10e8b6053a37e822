import type { PayloadName } from "../src/json-schema.js";

// Valid and invalid payloads per schema. Each invalid one names the one issue path zod must report.
// `onlyZod` marks the rules JSON Schema cannot express: the JSON Schemas must accept those payloads,
// which keeps the README's list of zod-only rules honest. Inputs that are not JSON at all (NaN, a Date)
// can only reach a TypeScript producer's validator, so the JSON Schema comparison leaves them out.

export interface ValidCase {
  name: string;
  input: unknown;
}

export interface InvalidCase extends ValidCase {
  path: string;
  onlyZod?: true;
}

export interface PayloadCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const PAST = "2025-10-20T14:00:00Z";
const FAR_FUTURE = "2999-01-01T00:00:00Z";
const AGENT_ID = "00000000-0000-0000-0000-000000000104";
const CUSTOMER_ID = "00000000-0000-0000-0000-000000000001";
const WORKFLOW_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

export const validSample = {
  instance_id: "i-0abc123def456",
  resource_type: "gpu",
  metric_name: "utilization",
  value: 85.5,
  unit: "percent",
  timestamp: PAST,
  metadata: { gpu_model: "NVIDIA H100", gpu_memory_total_gb: 80 },
};

const sample = (overrides: Record<string, unknown>) => ({ ...validSample, ...overrides });
const withoutKey = (object: Record<string, unknown>, key: string) => {
  const { [key]: _removed, ...rest } = object;
  return rest;
};
/** Nests `leaf` `levels` objects deep: nested(2, 1) is { a: { a: 1 } }. */
const nested = (levels: number, leaf: unknown): unknown =>
  levels === 0 ? leaf : { a: nested(levels - 1, leaf) };
/** A metadata object whose JSON is exactly `bytes` long. */
const metadataOfBytes = (bytes: number) => ({ note: "x".repeat(bytes - '{"note":""}'.length) });

const metricSample: PayloadCases = {
  valid: [
    { name: "a GPU utilization with metadata", input: validSample },
    { name: "no metadata", input: withoutKey(validSample, "metadata") },
    { name: "a timestamp with an offset", input: sample({ timestamp: "2025-10-20T16:00:00+02:00" }) },
    { name: "a timestamp with microseconds", input: sample({ timestamp: "2025-10-20T14:00:00.123456Z" }) },
    { name: "a timestamp in epoch milliseconds", input: sample({ timestamp: 1760968800000 }) },
    { name: "epoch 0", input: sample({ timestamp: 0 }) },
    { name: "a leap day", input: sample({ timestamp: "2024-02-29T00:00:00Z" }) },
    { name: "utilization at 0", input: sample({ value: 0 }) },
    { name: "utilization at 100", input: sample({ value: 100 }) },
    {
      name: "temperature at −50",
      input: sample({ metric_name: "temperature", unit: "celsius", value: -50 }),
    },
    {
      name: "temperature at 150",
      input: sample({ metric_name: "temperature", unit: "celsius", value: 150 }),
    },
    {
      name: "a second unit of a known metric",
      input: sample({ metric_name: "memory_used", unit: "MB", value: 40960 }),
    },
    {
      name: "a custom metric with any unit and value",
      input: sample({ metric_name: "vllm.kv_cache.hit_rate", unit: "ratio", value: -7.5 }),
    },
    {
      name: "a custom metric named like an Object method",
      input: sample({ metric_name: "constructor", unit: "x" }),
    },
    {
      name: "a known name under another resource type",
      input: sample({ resource_type: "disk", unit: "celsius", value: 500 }),
    },
    {
      name: "an ARN as instance id",
      input: sample({ instance_id: "arn:aws:ec2:us-east-1:123456789012:instance/i-1" }),
    },
    { name: "a 255-character instance id", input: sample({ instance_id: "i".repeat(255) }) },
    { name: "a 100-character metric name", input: sample({ metric_name: "m".repeat(100), unit: "x" }) },
    { name: "a 50-character unit", input: sample({ metric_name: "custom", unit: "u".repeat(50) }) },
    { name: "metadata 5 levels deep", input: sample({ metadata: nested(5, 1) }) },
    { name: "metadata of exactly 8 KiB", input: sample({ metadata: metadataOfBytes(8192) }) },
    { name: "an unknown field, which is dropped", input: sample({ sampled_by: "collector-7" }) },
  ],
  invalid: [
    { name: "value as a string", input: sample({ value: "85.5" }), path: "value" },
    { name: "value null", input: sample({ value: null }), path: "value" },
    { name: "value NaN", input: sample({ value: Number.NaN }), path: "value" },
    { name: "value Infinity", input: sample({ value: Number.POSITIVE_INFINITY }), path: "value" },
    { name: "value missing", input: withoutKey(validSample, "value"), path: "value" },
    { name: "instance_id empty", input: sample({ instance_id: "" }), path: "instance_id" },
    { name: "instance_id with a space", input: sample({ instance_id: "i 0abc" }), path: "instance_id" },
    {
      name: "instance_id of 256 characters",
      input: sample({ instance_id: "i".repeat(256) }),
      path: "instance_id",
    },
    { name: "instance_id a number", input: sample({ instance_id: 42 }), path: "instance_id" },
    { name: "resource_type unknown", input: sample({ resource_type: "tpu" }), path: "resource_type" },
    { name: "metric_name in capitals", input: sample({ metric_name: "GPU_Util" }), path: "metric_name" },
    { name: "metric_name with a dash", input: sample({ metric_name: "gpu-util" }), path: "metric_name" },
    {
      name: "metric_name with an empty segment",
      input: sample({ metric_name: "gpu..util" }),
      path: "metric_name",
    },
    {
      name: "metric_name of 101 characters",
      input: sample({ metric_name: "m".repeat(101) }),
      path: "metric_name",
    },
    { name: "unit empty", input: sample({ unit: "" }), path: "unit" },
    {
      name: "unit of 51 characters",
      input: sample({ metric_name: "custom", unit: "u".repeat(51) }),
      path: "unit",
    },
    {
      name: "a timestamp without offset",
      input: sample({ timestamp: "2025-10-20T14:00:00" }),
      path: "timestamp",
    },
    {
      name: "a timestamp without seconds",
      input: sample({ timestamp: "2025-10-20T14:00Z" }),
      path: "timestamp",
    },
    { name: "February 30", input: sample({ timestamp: "2025-02-30T00:00:00Z" }), path: "timestamp" },
    { name: "a date only", input: sample({ timestamp: "2025-10-20" }), path: "timestamp" },
    { name: "negative epoch milliseconds", input: sample({ timestamp: -1 }), path: "timestamp" },
    {
      name: "fractional epoch milliseconds",
      input: sample({ timestamp: 1760968800000.5 }),
      path: "timestamp",
    },
    { name: "a boolean timestamp", input: sample({ timestamp: true }), path: "timestamp" },
    {
      name: "a timestamp in the future",
      input: sample({ timestamp: FAR_FUTURE }),
      path: "timestamp",
      onlyZod: true,
    },
    { name: "metadata an array", input: sample({ metadata: [1, 2] }), path: "metadata" },
    { name: "metadata null", input: sample({ metadata: null }), path: "metadata" },
    { name: "metadata a string", input: sample({ metadata: "{}" }), path: "metadata" },
    {
      name: "a __proto__ key in metadata",
      input: sample({ metadata: JSON.parse('{"__proto__": {"admin": true}}') }),
      path: "metadata.__proto__",
    },
    {
      name: "a constructor key in metadata",
      input: sample({ metadata: { constructor: 1 } }),
      path: "metadata.constructor",
    },
    {
      name: "a nested prototype key",
      input: sample({ metadata: { gpu: { prototype: 1 } } }),
      path: "metadata.gpu.prototype",
      onlyZod: true,
    },
    {
      name: "a nested __proto__ key",
      input: sample({ metadata: JSON.parse('{"gpu": [{"__proto__": 1}]}') }),
      path: "metadata.gpu.0.__proto__",
      onlyZod: true,
    },
    {
      name: "metadata 6 levels deep",
      input: sample({ metadata: nested(6, 1) }),
      path: "metadata.a.a.a.a.a",
      onlyZod: true,
    },
    {
      name: "metadata over 8 KiB",
      input: sample({ metadata: metadataOfBytes(8193) }),
      path: "metadata",
      onlyZod: true,
    },
    {
      name: "metadata over 8 KiB in multi-byte characters",
      input: sample({ metadata: { note: "é".repeat(4091) } }),
      path: "metadata",
      onlyZod: true,
    },
    {
      name: "NaN inside metadata",
      input: sample({ metadata: { ratio: Number.NaN } }),
      path: "metadata.ratio",
    },
    { name: "a Date inside metadata", input: sample({ metadata: { at: new Date(0) } }), path: "metadata.at" },
    { name: "a wrong unit for a known metric", input: sample({ unit: "ratio" }), path: "unit" },
    { name: "utilization above 100", input: sample({ value: 100.5 }), path: "value" },
    { name: "utilization below 0", input: sample({ value: -1 }), path: "value" },
    {
      name: "temperature above 150",
      input: sample({ metric_name: "temperature", unit: "celsius", value: 151 }),
      path: "value",
    },
    {
      name: "temperature below −50",
      input: sample({ metric_name: "temperature", unit: "celsius", value: -51 }),
      path: "value",
    },
    {
      name: "negative iops",
      input: sample({ resource_type: "disk", metric_name: "read_iops", unit: "iops", value: -1 }),
      path: "value",
    },
    {
      name: "negative bandwidth",
      input: sample({ resource_type: "network", metric_name: "bandwidth_in", unit: "Mbps", value: -0.1 }),
      path: "value",
    },
    { name: "a sample that is not an object", input: "i-0abc123def456 85.5", path: "" },
  ],
};

const metricBatch: PayloadCases = {
  valid: [
    { name: "one sample", input: { samples: [validSample] } },
    { name: "5000 samples", input: { samples: Array.from({ length: 5000 }, () => validSample) } },
    {
      name: "agent and customer ids",
      input: { samples: [validSample], agent_id: AGENT_ID, customer_id: CUSTOMER_ID },
    },
  ],
  invalid: [
    { name: "no samples", input: { samples: [] }, path: "samples" },
    {
      name: "5001 samples",
      input: { samples: Array.from({ length: 5001 }, () => validSample) },
      path: "samples",
    },
    { name: "samples missing", input: { agent_id: AGENT_ID }, path: "samples" },
    { name: "samples an object", input: { samples: validSample }, path: "samples" },
    {
      name: "one bad sample among good ones",
      input: { samples: [validSample, validSample, validSample, sample({ value: "85.5" })] },
      path: "samples.3.value",
    },
    {
      name: "agent_id not a UUID",
      input: { samples: [validSample], agent_id: "resource-agent-1" },
      path: "agent_id",
    },
    {
      name: "customer_id not a UUID",
      input: { samples: [validSample], customer_id: 7 },
      path: "customer_id",
    },
  ],
};

const validState = {
  instance_count: 3,
  instances: ["i-0abc123def456"],
  avg_gpu_utilization: 88.2,
  cost_per_hour: 30,
};
const state = (overrides: Record<string, unknown>) => ({ ...validState, ...overrides });

const scalingState: PayloadCases = {
  valid: [
    { name: "typed keys", input: validState },
    { name: "only the instance count", input: { instance_count: 0 } },
    {
      name: "further JSON keys",
      input: state({ decision: "cancelled", pre_scaled: true, zones: ["us-west-2a"] }),
    },
    { name: "utilization at its bounds", input: state({ avg_gpu_utilization: 100, avg_utilization: 0 }) },
  ],
  invalid: [
    {
      name: "instance_count missing",
      input: withoutKey(validState, "instance_count"),
      path: "instance_count",
    },
    { name: "a negative instance_count", input: state({ instance_count: -1 }), path: "instance_count" },
    { name: "a fractional instance_count", input: state({ instance_count: 2.5 }), path: "instance_count" },
    { name: "instance_count as a string", input: state({ instance_count: "3" }), path: "instance_count" },
    {
      name: "a fractional target_instance_count",
      input: state({ target_instance_count: 1.5 }),
      path: "target_instance_count",
    },
    {
      name: "a bad instance id in instances",
      input: state({ instances: ["i-1", "i 2"] }),
      path: "instances.1",
    },
    { name: "instances not an array", input: state({ instances: "i-1" }), path: "instances" },
    {
      name: "utilization above 100",
      input: state({ avg_gpu_utilization: 101 }),
      path: "avg_gpu_utilization",
    },
    { name: "negative cost", input: state({ cost_per_hour: -1 }), path: "cost_per_hour" },
    { name: "a state that is an array", input: [validState], path: "" },
  ],
};

const validEvent = {
  event_type: "scale_up",
  trigger_reason: "GPU utilization exceeded 85% threshold for 15 minutes",
  before_state: { instance_count: 3 },
  after_state: { instance_count: 5 },
  success: true,
  executed_at: "2025-10-20T08:00:00Z",
  completed_at: "2025-10-20T08:15:00Z",
  metadata: { scaling_policy: "predictive" },
};
const failedEvent = {
  ...validEvent,
  success: false,
  error_details: {
    error_type: "InsufficientCapacity",
    error_message: "No available H100 capacity in us-west-2a",
  },
};
const event = (overrides: Record<string, unknown>) => ({ ...validEvent, ...overrides });

const scalingEvent: PayloadCases = {
  valid: [
    { name: "a successful scale-up", input: validEvent },
    { name: "a failure with error details", input: failedEvent },
    {
      name: "error details with further keys",
      input: {
        ...failedEvent,
        error_details: { ...failedEvent.error_details, attempted_zones: ["us-west-2a"] },
      },
    },
    { name: "still running (completed_at null)", input: event({ completed_at: null }) },
    { name: "still running (completed_at absent)", input: withoutKey(validEvent, "completed_at") },
    { name: "completed the instant it started", input: event({ completed_at: validEvent.executed_at }) },
    { name: "linked to a workflow", input: event({ workflow_execution_id: WORKFLOW_ID }) },
    { name: "no workflow", input: event({ workflow_execution_id: null }) },
    { name: "agent and customer ids", input: event({ agent_id: AGENT_ID, customer_id: CUSTOMER_ID }) },
    {
      name: "times in epoch milliseconds",
      input: event({ executed_at: 1760947200000, completed_at: 1760948100000 }),
    },
    { name: "a success with error_details null", input: event({ error_details: null }) },
  ],
  invalid: [
    { name: "a failure without error_details", input: event({ success: false }), path: "error_details" },
    {
      name: "a failure with error_details null",
      input: event({ success: false, error_details: null }),
      path: "error_details",
    },
    {
      name: "error_details without error_message",
      input: { ...failedEvent, error_details: { error_type: "InsufficientCapacity" } },
      path: "error_details.error_message",
    },
    {
      name: "error_details without error_type",
      input: { ...failedEvent, error_details: { error_message: "no capacity" } },
      path: "error_details.error_type",
    },
    {
      name: "completed before executed",
      input: event({ completed_at: "2025-10-20T07:59:00Z" }),
      path: "completed_at",
      onlyZod: true,
    },
    { name: "an unknown event_type", input: event({ event_type: "scale_sideways" }), path: "event_type" },
    { name: "an empty trigger_reason", input: event({ trigger_reason: "" }), path: "trigger_reason" },
    {
      name: "a trigger_reason of 501 characters",
      input: event({ trigger_reason: "r".repeat(501) }),
      path: "trigger_reason",
    },
    { name: "before_state missing", input: withoutKey(validEvent, "before_state"), path: "before_state" },
    {
      name: "a bad after_state count",
      input: event({ after_state: { instance_count: -1 } }),
      path: "after_state.instance_count",
    },
    { name: "success as a string", input: event({ success: "true" }), path: "success" },
    { name: "executed_at missing", input: withoutKey(validEvent, "executed_at"), path: "executed_at" },
    {
      name: "executed_at in the future",
      input: event({ executed_at: FAR_FUTURE, completed_at: null }),
      path: "executed_at",
      onlyZod: true,
    },
    {
      name: "a workflow id that is not a UUID",
      input: event({ workflow_execution_id: "wf-1" }),
      path: "workflow_execution_id",
    },
    { name: "metadata an array", input: event({ metadata: [] }), path: "metadata" },
    {
      name: "an agent_id that is not a UUID",
      input: event({ agent_id: "resource-agent-1" }),
      path: "agent_id",
    },
  ],
};

const validHeartbeat = {
  agent_id: AGENT_ID,
  status: "healthy",
  current_status: "processing",
  active_workflows: ["gpu_scaling_002"],
  resource_usage: { cpu: 38.7, memory: 1024 },
  timestamp: PAST,
};
const heartbeat = (overrides: Record<string, unknown>) => ({ ...validHeartbeat, ...overrides });

const heartbeatCases: PayloadCases = {
  valid: [
    { name: "a busy agent", input: validHeartbeat },
    { name: "an idle agent", input: heartbeat({ current_status: "idle", active_workflows: [] }) },
    {
      name: "further resource usage",
      input: heartbeat({ resource_usage: { cpu: 0, memory: 0, gpu: 12.5 } }),
    },
    {
      name: "a starting agent, in epoch milliseconds",
      input: heartbeat({ status: "starting", timestamp: 1760968800000 }),
    },
  ],
  invalid: [
    { name: "status active, which does not exist", input: heartbeat({ status: "active" }), path: "status" },
    {
      name: "an unknown current_status",
      input: heartbeat({ current_status: "running" }),
      path: "current_status",
    },
    {
      name: "an agent_id that is not a UUID",
      input: heartbeat({ agent_id: "resource-agent-1" }),
      path: "agent_id",
    },
    {
      name: "an empty workflow name",
      input: heartbeat({ active_workflows: ["a", ""] }),
      path: "active_workflows.1",
    },
    {
      name: "101 active workflows",
      input: heartbeat({ active_workflows: Array.from({ length: 101 }, (_, i) => `wf_${i}`) }),
      path: "active_workflows",
    },
    {
      name: "cpu above 100 percent",
      input: heartbeat({ resource_usage: { cpu: 150, memory: 1 } }),
      path: "resource_usage.cpu",
    },
    {
      name: "memory missing",
      input: heartbeat({ resource_usage: { cpu: 1 } }),
      path: "resource_usage.memory",
    },
    {
      name: "a timestamp in the future",
      input: heartbeat({ timestamp: FAR_FUTURE }),
      path: "timestamp",
      onlyZod: true,
    },
  ],
};

export const payloadCases: Record<PayloadName, PayloadCases> = {
  "metric-sample": metricSample,
  "metric-batch": metricBatch,
  "scaling-state": scalingState,
  "scaling-event": scalingEvent,
  heartbeat: heartbeatCases,
};
