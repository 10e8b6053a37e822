import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../client.js";
import { agents, customers } from "../schema/core.js";
import { resourceMetrics, scalingEvents } from "../schema/resource.js";
import { workflowExecutions } from "../schema/workflow-history.js";
import { onlyRow } from "../sql.js";
import type {
  Agent,
  Customer,
  NewCustomer,
  NewResourceMetric,
  NewScalingEvent,
  NewWorkflowExecution,
  ResourceMetric,
  ScalingEvent,
  WorkflowExecution,
} from "../types.js";

// Fixtures for tests in any workspace. Each inserts one row with realistic values and returns it as read
// back from the database; `overrides` replace any column.

const HOUR_MS = 3_600_000;

/** A new customer. The email is unique per call, so fixtures never collide with each other. */
export async function sampleCustomer(db: Database, overrides: Partial<NewCustomer> = {}): Promise<Customer> {
  const customerRows = await db
    .insert(customers)
    .values({
      name: "Test Customer",
      email: `customer-${randomUUID()}@example.com`,
      plan: "startup",
      status: "active",
      ...overrides,
    })
    .returning();
  return onlyRow(customerRows, "customer");
}

export const SAMPLE_RESOURCE_AGENT_NAME = "resource-test-agent";

/** The healthy resource agent named `resource-test-agent`, created when it does not exist yet (get-or-create). */
export async function sampleResourceAgent(db: Database): Promise<Agent> {
  await db
    .insert(agents)
    .values({
      type: "resource",
      name: SAMPLE_RESOURCE_AGENT_NAME,
      version: "1.0.0",
      status: "healthy",
      endpoint: "http://resource-agent:8000",
      capabilities: ["gpu_monitoring", "auto_scaling"],
      lastHeartbeat: new Date(),
    })
    .onConflictDoNothing({ target: [agents.type, agents.name] });
  const agentRows = await db
    .select()
    .from(agents)
    .where(and(eq(agents.type, "resource"), eq(agents.name, SAMPLE_RESOURCE_AGENT_NAME)));
  return onlyRow(agentRows, "agent");
}

interface Owners {
  agentId?: string;
  customerId?: string;
}

async function ownersFor(db: Database, owners: Owners): Promise<{ agentId: string; customerId: string }> {
  return {
    agentId: owners.agentId ?? (await sampleResourceAgent(db)).id,
    customerId: owners.customerId ?? (await sampleCustomer(db)).id,
  };
}

/** A GPU utilization of 75.5 % on i-test123, measured now; agent and customer are created unless given. */
export async function sampleResourceMetric(
  db: Database,
  overrides: Partial<NewResourceMetric> = {},
): Promise<ResourceMetric> {
  const metricRows = await db
    .insert(resourceMetrics)
    .values({
      instanceId: "i-test123",
      resourceType: "gpu",
      metricName: "utilization",
      metricValue: 75.5,
      unit: "percent",
      timestamp: new Date(),
      metadata: { gpu_model: "NVIDIA H100" },
      ...overrides,
      ...(await ownersFor(db, overrides)),
    })
    .returning();
  return onlyRow(metricRows, "resource metric");
}

/** A successful scale-up from 2 to 4 instances that ran from an hour ago until now. */
export async function sampleScalingEvent(
  db: Database,
  overrides: Partial<NewScalingEvent> = {},
): Promise<ScalingEvent> {
  const now = Date.now();
  const eventRows = await db
    .insert(scalingEvents)
    .values({
      eventType: "scale_up",
      triggerReason: "High utilization test",
      beforeState: { instance_count: 2 },
      afterState: { instance_count: 4 },
      success: true,
      executedAt: new Date(now - HOUR_MS),
      completedAt: new Date(now),
      metadata: { test: true },
      ...overrides,
      ...(await ownersFor(db, overrides)),
    })
    .returning();
  return onlyRow(eventRows, "scaling event");
}

/** A running cost analysis started now. */
export async function sampleWorkflowExecution(
  db: Database,
  overrides: Partial<NewWorkflowExecution> = {},
): Promise<WorkflowExecution> {
  const executionRows = await db
    .insert(workflowExecutions)
    .values({
      workflowType: "cost_analysis",
      status: "running",
      startedAt: new Date(),
      inputData: { test: "data" },
      metadata: { priority: "high" },
      ...overrides,
      ...(await ownersFor(db, overrides)),
    })
    .returning();
  return onlyRow(executionRows, "workflow execution");
}
