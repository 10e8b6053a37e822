import type { Database } from "../client.js";
import { agentCapabilities, agentConfigs, agentMetrics, agentStates } from "../schema/agent-state.js";
import type { NewAgentCapability, NewAgentConfig, NewAgentMetric, NewAgentState } from "../types.js";
import { fromCorePhase } from "./core.js";
import { demoAgentIds as agent } from "./ids.js";
import {
  demoRowId,
  insertMissing,
  MINUTE_MS,
  minus,
  type PhaseSummary,
  type Prerequisite,
  runPhase,
  type SeedOptions,
} from "./phase.js";

// Phase 0.2b (spec §8.2): 6 configs, 4 states, 6 capabilities, 6 metrics; the orchestrator gets none.

const prerequisites: Prerequisite[] = [
  fromCorePhase.costAgent,
  fromCorePhase.performanceAgent,
  fromCorePhase.resourceAgent,
  fromCorePhase.applicationAgent,
];

export function seedAgentState(db: Database, { now }: SeedOptions): Promise<PhaseSummary> {
  const stamped = <Row>(rows: Row[], table: number) =>
    rows.map((row, i) => ({ ...row, id: demoRowId(table, i + 1), createdAt: now, updatedAt: now }));
  return runPhase(db, "agent-state", prerequisites, async (tx) => ({
    agent_configs: await insertMissing(tx, agentConfigs, stamped(configRows(), 7)),
    agent_states: await insertMissing(tx, agentStates, stamped(stateRows(now), 8)),
    agent_capabilities: await insertMissing(tx, agentCapabilities, stamped(capabilityRows(), 9)),
    agent_metrics: await insertMissing(
      tx,
      agentMetrics,
      metricRows().map((row, i) => ({ ...row, id: demoRowId(10, i + 1), recordedAt: now })),
    ),
  }));
}

function configRows(): NewAgentConfig[] {
  const row = (
    agentId: string,
    configKey: string,
    configValue: string,
    configType: NewAgentConfig["configType"],
    description: string,
  ) => ({
    agentId,
    configKey,
    configValue,
    configType,
    description,
  });
  return [
    row(agent.cost, "cost_threshold_usd", "1000", "integer", "Minimum monthly cost to trigger optimization"),
    row(agent.cost, "savings_threshold_percent", "15", "integer", "Minimum savings percentage to recommend"),
    row(agent.performance, "latency_p95_threshold_ms", "500", "integer", "P95 latency threshold for alerts"),
    row(agent.performance, "kv_cache_size_gb", "32", "integer", "KV cache size in GB"),
    row(agent.resource, "gpu_utilization_target", "75", "integer", "Target GPU utilization percentage"),
    row(agent.application, "quality_score_threshold", "0.85", "float", "Minimum quality score (0-1)"),
  ];
}

function stateRows(now: Date): NewAgentState[] {
  const rows: NewAgentState[] = [
    {
      agentId: agent.cost,
      currentStatus: "busy",
      activeWorkflows: ["cost_analysis_001"],
      locks: { gpu_cluster_1: true },
      lastActivity: now,
      resourceUsage: { cpu: 45.2, memory: 2048 },
    },
    {
      agentId: agent.performance,
      currentStatus: "idle",
      activeWorkflows: [],
      locks: {},
      lastActivity: now,
      resourceUsage: { cpu: 12.5, memory: 512 },
    },
    {
      agentId: agent.resource,
      currentStatus: "processing",
      activeWorkflows: ["gpu_scaling_002"],
      locks: { k8s_cluster: true },
      lastActivity: now,
      resourceUsage: { cpu: 38.7, memory: 1024 },
    },
    {
      agentId: agent.application,
      currentStatus: "idle",
      activeWorkflows: [],
      locks: {},
      lastActivity: minus(now, 5 * MINUTE_MS),
      resourceUsage: { cpu: 8.3, memory: 256 },
    },
  ];
  return rows.map((state) => ({ ...state, metadata: {}, currentWorkflowId: null }));
}

function capabilityRows(): NewAgentCapability[] {
  const row = (
    agentId: string,
    capabilityName: string,
    capabilityVersion: string,
    description: string,
    config: NewAgentCapability["config"],
  ) => ({
    agentId,
    capabilityName,
    capabilityVersion,
    enabled: true,
    description,
    config,
  });
  return [
    row(agent.cost, "gpu_cost_analysis", "1.2.0", "Analyze GPU cluster costs and identify savings", {
      supported_providers: ["aws", "gcp", "azure"],
    }),
    row(agent.cost, "storage_optimization", "1.0.0", "Optimize storage tiering and costs", {
      storage_types: ["s3", "ebs", "gcs"],
    }),
    row(agent.performance, "kv_cache_tuning", "2.1.0", "Optimize KV cache settings for vLLM/TGI", {
      supported_engines: ["vllm", "tgi", "sglang"],
    }),
    row(agent.performance, "batch_optimization", "1.5.0", "Optimize batch sizes and continuous batching", {
      min_batch_size: 4,
      max_batch_size: 128,
    }),
    row(agent.resource, "auto_scaling", "2.0.0", "Auto-scale GPU clusters based on demand", {
      scaling_triggers: ["utilization", "queue_depth"],
    }),
    row(agent.application, "quality_monitoring", "1.4.0", "Monitor LLM output quality in real-time", {
      metrics: ["coherence", "relevance", "factuality"],
    }),
  ];
}

function metricRows(): NewAgentMetric[] {
  const row = (agentId: string, metricName: string, metricValue: number, tags: NewAgentMetric["tags"]) => ({
    agentId,
    metricName,
    metricValue,
    metricType: "gauge" as const,
    tags,
  });
  return [
    row(agent.cost, "total_savings_identified_usd", 125000.0, { period: "last_30_days" }),
    row(agent.cost, "average_savings_percent", 42.5, { period: "last_30_days" }),
    row(agent.performance, "latency_improvement_percent", 65.0, { metric_type: "performance" }),
    row(agent.performance, "throughput_increase_percent", 180.0, { metric_type: "performance" }),
    row(agent.resource, "average_gpu_utilization_percent", 78.5, { resource: "gpu" }),
    row(agent.application, "quality_score_average", 0.91, { samples: "1500" }),
  ];
}
