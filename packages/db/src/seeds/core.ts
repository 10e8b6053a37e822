import { createHash } from "node:crypto";
import type { Database } from "../client.js";
import { agents, customers, events, recommendations } from "../schema/core.js";
import type { NewAgent, NewCustomer, NewEvent, NewRecommendation } from "../types.js";
import { demoAgentIds as agent, demoCustomerIds as customer } from "./ids.js";
import {
  DAY_MS,
  demoRowId,
  insertMissing,
  minus,
  type PhaseSummary,
  type Prerequisite,
  runPhase,
  type SeedOptions,
} from "./phase.js";

// Phase 0.2a (spec §8.1): 3 customers, 5 agents, 3 events, 3 recommendations.

/** The demo customers' API keys, for local use only; the database stores their SHA-256 digests. */
export const demoApiKeys = {
  acme: "acme_test_key_123456789",
  techstart: "techstart_test_key_987654321",
  demo: "demo_test_key_111111111",
} as const;

/** What `customers.api_key` holds for a key: its SHA-256 hex digest, so a copy of the database lets no one in. */
export function apiKeyDigest(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex");
}

/** The core rows the later phases build on, as the prerequisites they check before writing. */
export const fromCorePhase = {
  acme: { table: customers, id: customer.acme, label: "customer Acme Corp", phase: "core" },
  techstart: { table: customers, id: customer.techstart, label: "customer TechStart Inc", phase: "core" },
  costAgent: { table: agents, id: agent.cost, label: "agent cost-agent-1", phase: "core" },
  performanceAgent: {
    table: agents,
    id: agent.performance,
    label: "agent performance-agent-1",
    phase: "core",
  },
  resourceAgent: { table: agents, id: agent.resource, label: "agent resource-agent-1", phase: "core" },
  applicationAgent: {
    table: agents,
    id: agent.application,
    label: "agent application-agent-1",
    phase: "core",
  },
} as const satisfies Record<string, Prerequisite>;

export function seedCore(db: Database, { now }: SeedOptions): Promise<PhaseSummary> {
  return runPhase(db, "core", [], async (tx) => ({
    customers: await insertMissing(tx, customers, customerRows(now)),
    agents: await insertMissing(tx, agents, agentRows(now)),
    events: await insertMissing(tx, events, eventRows(now)),
    recommendations: await insertMissing(tx, recommendations, recommendationRows(now)),
  }));
}

function customerRows(now: Date): NewCustomer[] {
  const row = (
    id: string,
    name: string,
    email: string,
    apiKey: string,
    plan: NewCustomer["plan"],
    industry: string,
    size: string,
  ) => ({
    id,
    name,
    email,
    apiKey: apiKeyDigest(apiKey),
    plan,
    status: "active" as const,
    metadata: { industry, size },
    createdAt: now,
    updatedAt: now,
  });
  return [
    row(
      customer.acme,
      "Acme Corp",
      "admin@acme.com",
      demoApiKeys.acme,
      "enterprise",
      "technology",
      "500-1000",
    ),
    row(
      customer.techstart,
      "TechStart Inc",
      "founder@techstart.io",
      demoApiKeys.techstart,
      "startup",
      "fintech",
      "10-50",
    ),
    row(customer.demo, "Demo Customer", "demo@example.com", demoApiKeys.demo, "free", "demo", "1-10"),
  ];
}

function agentRows(now: Date): NewAgent[] {
  const row = (
    id: string,
    type: NewAgent["type"],
    name: string,
    version: string,
    port: number,
    capabilities: string[],
  ) => ({
    id,
    type,
    name,
    version,
    status: "healthy" as const,
    endpoint: `http://localhost:${port}`,
    capabilities,
    metadata: { environment: "development" },
    lastHeartbeat: now,
    createdAt: now,
    updatedAt: now,
  });
  return [
    row(agent.orchestrator, "orchestrator", "orchestrator-main", "0.2.0", 8080, [
      "routing",
      "coordination",
      "approval_workflow",
    ]),
    row(agent.cost, "cost", "cost-agent-1", "0.3.0", 8001, [
      "spot_migration",
      "right_sizing",
      "reserved_instances",
    ]),
    row(agent.performance, "performance", "performance-agent-1", "0.1.0", 8002, [
      "kv_cache_tuning",
      "quantization",
      "batch_optimization",
    ]),
    row(agent.resource, "resource", "resource-agent-1", "0.1.0", 8003, [
      "gpu_optimization",
      "auto_scaling",
      "resource_consolidation",
    ]),
    row(agent.application, "application", "application-agent-1", "0.1.0", 8004, [
      "quality_monitoring",
      "regression_detection",
      "ab_testing",
    ]),
  ];
}

function eventRows(now: Date): NewEvent[] {
  const rows: NewEvent[] = [
    {
      customerId: customer.acme,
      agentId: agent.cost,
      eventType: "optimization_started",
      severity: "info",
      data: { optimization_type: "spot_migration", instances: 5 },
    },
    {
      customerId: customer.acme,
      agentId: agent.cost,
      eventType: "optimization_completed",
      severity: "info",
      data: { optimization_type: "spot_migration", savings: 2450.0 },
    },
    {
      customerId: customer.techstart,
      agentId: agent.performance,
      eventType: "performance_degradation",
      severity: "warning",
      data: { metric: "latency_p95", threshold: 800, current: 950 },
    },
  ];
  return rows.map((event, i) => ({ ...event, id: demoRowId(3, i + 1), createdAt: now }));
}

function recommendationRows(now: Date): NewRecommendation[] {
  const rows: NewRecommendation[] = [
    {
      customerId: customer.acme,
      agentId: agent.cost,
      type: "spot_migration",
      title: "Migrate 5 EC2 instances to spot",
      description: "Migrate stable workloads to spot instances for 40% savings",
      estimatedSavings: "2450.00",
      confidenceScore: 0.92,
      priority: "high",
      status: "completed",
      data: { instances: ["i-001", "i-002", "i-003", "i-004", "i-005"], risk_level: "low" },
      createdAt: minus(now, 7 * DAY_MS),
      updatedAt: minus(now, 5 * DAY_MS),
      approvedAt: minus(now, 6 * DAY_MS),
      executedAt: minus(now, 5 * DAY_MS),
    },
    {
      customerId: customer.acme,
      agentId: agent.cost,
      type: "right_sizing",
      title: "Downsize 3 over-provisioned instances",
      description: "Reduce instance sizes based on utilization patterns",
      estimatedSavings: "850.00",
      confidenceScore: 0.88,
      priority: "medium",
      status: "pending",
      data: {
        instances: ["i-010", "i-011", "i-012"],
        current_types: ["m5.2xlarge", "m5.2xlarge", "c5.4xlarge"],
        recommended_types: ["m5.xlarge", "m5.xlarge", "c5.2xlarge"],
      },
      createdAt: now,
      updatedAt: now,
    },
    {
      customerId: customer.techstart,
      agentId: agent.performance,
      type: "kv_cache_tuning",
      title: "Optimize KV cache configuration",
      description: "Tune PagedAttention settings for better memory usage",
      estimatedImprovement: "1.50",
      confidenceScore: 0.85,
      priority: "medium",
      status: "pending",
      data: { current_cache_size: 4096, recommended_cache_size: 8192, expected_latency_improvement: "30%" },
      createdAt: now,
      updatedAt: now,
    },
  ];
  return rows.map((recommendation, i) => ({ ...recommendation, id: demoRowId(4, i + 1) }));
}
