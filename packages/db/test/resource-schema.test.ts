import { and, asc, avg, count, eq, gte } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "../src/client.js";
import {
  scalingEventDurationSeconds,
  scalingEventDurationSecondsSql,
} from "../src/queries/scaling-events.js";
import {
  agents,
  customers,
  resourceMetrics,
  scalingEvents,
  workflowExecutions,
} from "../src/schema/index.js";
import { onlyRow } from "../src/sql.js";
import {
  sampleCustomer,
  sampleResourceAgent,
  sampleResourceMetric,
  sampleScalingEvent,
  sampleWorkflowExecution,
} from "../src/testing/fixtures.js";
import { HOUR_MS, MINUTE_MS, useTestDatabase } from "./support.js";

const { it } = useTestDatabase();

async function owners(tx: Database) {
  const [agent, customer] = [await sampleResourceAgent(tx), await sampleCustomer(tx)];
  return { agentId: agent.id, customerId: customer.id };
}

const gpuUtilization = { resourceType: "gpu", metricName: "utilization", unit: "percent" } as const;

function metricsOf(tx: Database, instanceId: string) {
  return tx
    .select({ value: resourceMetrics.metricValue, timestamp: resourceMetrics.timestamp })
    .from(resourceMetrics)
    .where(eq(resourceMetrics.instanceId, instanceId))
    .orderBy(asc(resourceMetrics.timestamp));
}

describe("phase 0.2d resource metrics (spec §9.4, the seed document's tests)", () => {
  it("1 create_resource_metric: every field round-trips", async ({ tx }) => {
    const ids = await owners(tx);
    const timestamp = new Date();
    const created = onlyRow(
      await tx
        .insert(resourceMetrics)
        .values({
          ...ids,
          ...gpuUtilization,
          instanceId: "i-abc123",
          metricValue: 85.5,
          timestamp,
          metadata: { gpu_model: "NVIDIA H100", gpu_memory_gb: 80 },
        })
        .returning(),
      "resource metric",
    );
    expect(await tx.query.resourceMetrics.findFirst({ where: eq(resourceMetrics.id, created.id) })).toEqual({
      id: created.id,
      ...ids,
      instanceId: "i-abc123",
      resourceType: "gpu",
      metricName: "utilization",
      metricValue: 85.5,
      unit: "percent",
      timestamp,
      metadata: { gpu_model: "NVIDIA H100", gpu_memory_gb: 80 },
      createdAt: created.createdAt,
    });
  });

  it("2 resource_metric_agent_relationship: metric.agent and agent.resourceMetrics", async ({ tx }) => {
    const metric = await sampleResourceMetric(tx);
    const read = await tx.query.resourceMetrics.findFirst({
      where: eq(resourceMetrics.id, metric.id),
      with: { agent: { with: { resourceMetrics: true } } },
    });
    expect(read?.instanceId).toBe("i-test123");
    expect(read?.metricValue).toBe(75.5);
    expect(read?.agent.id).toBe(metric.agentId);
    expect(read?.agent.resourceMetrics.map((m) => m.id)).toEqual([metric.id]);
  });

  it("3 resource_metric_customer_relationship: metric.customer and customer.resourceMetrics", async ({
    tx,
  }) => {
    const metric = await sampleResourceMetric(tx);
    const read = await tx.query.resourceMetrics.findFirst({
      where: eq(resourceMetrics.id, metric.id),
      with: { customer: { with: { resourceMetrics: true } } },
    });
    expect(read?.customer.id).toBe(metric.customerId);
    expect(read?.customer.resourceMetrics.map((m) => m.id)).toEqual([metric.id]);
  });

  it("4 multiple_resource_types: one instance, exactly its gpu, cpu and memory rows", async ({ tx }) => {
    const ids = await owners(tx);
    const timestamp = new Date();
    await tx.insert(resourceMetrics).values([
      { ...ids, instanceId: "i-test001", ...gpuUtilization, metricValue: 75.0, timestamp },
      {
        ...ids,
        instanceId: "i-test001",
        resourceType: "cpu",
        metricName: "utilization",
        metricValue: 65.0,
        unit: "percent",
        timestamp,
      },
      {
        ...ids,
        instanceId: "i-test001",
        resourceType: "memory",
        metricName: "used",
        metricValue: 64.0,
        unit: "GB",
        timestamp,
      },
    ]);
    const rows = await tx
      .select({
        type: resourceMetrics.resourceType,
        name: resourceMetrics.metricName,
        value: resourceMetrics.metricValue,
        unit: resourceMetrics.unit,
      })
      .from(resourceMetrics)
      .where(eq(resourceMetrics.instanceId, "i-test001"))
      .orderBy(asc(resourceMetrics.resourceType));
    expect(rows).toEqual([
      { type: "gpu", name: "utilization", value: 75.0, unit: "percent" },
      { type: "cpu", name: "utilization", value: 65.0, unit: "percent" },
      { type: "memory", name: "used", value: 64.0, unit: "GB" },
    ]);
  });

  it("5 time_series_query: five hourly values in a time window, ordered by timestamp", async ({ tx }) => {
    const ids = await owners(tx);
    const base = Date.now();
    await tx.insert(resourceMetrics).values(
      [0, 1, 2, 3, 4].map((hour) => ({
        ...ids,
        ...gpuUtilization,
        instanceId: "i-timeseries",
        metricValue: 50.0 + hour * 5,
        timestamp: new Date(base - (4 - hour) * HOUR_MS),
      })),
    );
    const rows = await tx
      .select({ value: resourceMetrics.metricValue })
      .from(resourceMetrics)
      .where(
        and(
          eq(resourceMetrics.instanceId, "i-timeseries"),
          gte(resourceMetrics.timestamp, new Date(base - 5 * HOUR_MS)),
        ),
      )
      .orderBy(asc(resourceMetrics.timestamp));
    expect(rows.map((r) => r.value)).toEqual([50, 55, 60, 65, 70]);
  });

  it("6 metric_aggregation: the average of 60, 75, 80, 85, 90 is 78.0", async ({ tx }) => {
    const ids = await owners(tx);
    const timestamp = new Date();
    await tx.insert(resourceMetrics).values(
      [60, 75, 80, 85, 90].map((value) => ({
        ...ids,
        ...gpuUtilization,
        instanceId: "i-aggregate",
        metricValue: value,
        timestamp,
      })),
    );
    const [result] = await tx
      .select({ average: avg(resourceMetrics.metricValue).mapWith(Number) })
      .from(resourceMetrics)
      .where(eq(resourceMetrics.instanceId, "i-aggregate"));
    expect(result?.average).toBe(78.0);
  });

  it("7 metric_cascade_delete: deleting the agent deletes its metrics", async ({ tx }) => {
    const agent = await sampleResourceAgent(tx);
    // Created without an api_key: the database default fills it.
    const customer = onlyRow(
      await tx.insert(customers).values({ name: "Temp Customer", email: "temp@test.com" }).returning(),
      "customer",
    );
    expect(customer.apiKey).toMatch(/^[0-9a-f]{32}$/);
    const metric = await sampleResourceMetric(tx, {
      agentId: agent.id,
      customerId: customer.id,
      instanceId: "i-delete-test",
      metricValue: 50.0,
    });
    await tx.delete(agents).where(eq(agents.id, agent.id));
    expect(await tx.select().from(resourceMetrics).where(eq(resourceMetrics.id, metric.id))).toEqual([]);
  });
});

describe("phase 0.2d scaling events (spec §9.4, the seed document's tests)", () => {
  it("8 create_scaling_event: every field round-trips", async ({ tx }) => {
    const ids = await owners(tx);
    const now = Date.now();
    const created = onlyRow(
      await tx
        .insert(scalingEvents)
        .values({
          ...ids,
          eventType: "scale_up",
          triggerReason: "GPU utilization exceeded 85%",
          beforeState: { instance_count: 3, avg_utilization: 88.0 },
          afterState: { instance_count: 5, avg_utilization: 62.0 },
          success: true,
          executedAt: new Date(now - 15 * MINUTE_MS),
          completedAt: new Date(now),
          metadata: { cost_impact: 20.0, performance_improvement: "30%" },
        })
        .returning(),
      "scaling event",
    );
    expect(await tx.query.scalingEvents.findFirst({ where: eq(scalingEvents.id, created.id) })).toEqual({
      id: created.id,
      ...ids,
      workflowExecutionId: null,
      eventType: "scale_up",
      triggerReason: "GPU utilization exceeded 85%",
      beforeState: { instance_count: 3, avg_utilization: 88.0 },
      afterState: { instance_count: 5, avg_utilization: 62.0 },
      success: true,
      errorDetails: null,
      executedAt: new Date(now - 15 * MINUTE_MS),
      completedAt: new Date(now),
      metadata: { cost_impact: 20.0, performance_improvement: "30%" },
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });
  });

  it("9 scaling_event_relationships: agent and customer load; the event is in both lists", async ({ tx }) => {
    const event = await sampleScalingEvent(tx);
    const read = await tx.query.scalingEvents.findFirst({
      where: eq(scalingEvents.id, event.id),
      with: { agent: { with: { scalingEvents: true } }, customer: { with: { scalingEvents: true } } },
    });
    expect(read?.agent.id).toBe(event.agentId);
    expect(read?.customer.id).toBe(event.customerId);
    expect(read?.agent.scalingEvents.map((e) => e.id)).toEqual([event.id]);
    expect(read?.customer.scalingEvents.map((e) => e.id)).toEqual([event.id]);
  });

  it("10 scaling_event_with_workflow: event.workflow and workflow.scalingEvents", async ({ tx }) => {
    const ids = await owners(tx);
    const now = Date.now();
    const workflow = await sampleWorkflowExecution(tx, {
      ...ids,
      workflowType: "scaling_decision",
      status: "completed",
      startedAt: new Date(now - HOUR_MS),
      completedAt: new Date(now),
      inputData: { trigger: "high_util" },
      outputData: { decision: "scale_up" },
    });
    const event = await sampleScalingEvent(tx, { ...ids, workflowExecutionId: workflow.id });
    const read = await tx.query.scalingEvents.findFirst({
      where: eq(scalingEvents.id, event.id),
      with: { workflow: { with: { scalingEvents: true } } },
    });
    expect(read?.workflow?.id).toBe(workflow.id);
    expect(read?.workflow?.outputData).toEqual({ decision: "scale_up" });
    expect(read?.workflow?.scalingEvents.map((e) => e.id)).toEqual([event.id]);
  });

  it("11 failed_scaling_event: success false with its error details", async ({ tx }) => {
    const event = await sampleScalingEvent(tx, {
      triggerReason: "Manual scale request",
      beforeState: { count: 2 },
      afterState: { count: 2 },
      success: false,
      errorDetails: {
        error_type: "InsufficientCapacity",
        error_message: "No available H100 instances",
        region: "us-west-2",
      },
    });
    const read = await tx.query.scalingEvents.findFirst({ where: eq(scalingEvents.id, event.id) });
    expect(read?.success).toBe(false);
    expect(read?.errorDetails).toEqual({
      error_type: "InsufficientCapacity",
      error_message: "No available H100 instances",
      region: "us-west-2",
    });
  });

  it("12 scaling_event_duration: 15 minutes read back as 900 seconds", async ({ tx }) => {
    const start = Date.now();
    const event = await sampleScalingEvent(tx, {
      executedAt: new Date(start),
      completedAt: new Date(start + 15 * MINUTE_MS),
    });
    const read = await tx.query.scalingEvents.findFirst({ where: eq(scalingEvents.id, event.id) });
    expect(read && scalingEventDurationSeconds(read)).toBe(900);
    const [fromSql] = await tx
      .select({ seconds: scalingEventDurationSecondsSql })
      .from(scalingEvents)
      .where(eq(scalingEvents.id, event.id));
    expect(fromSql?.seconds).toBe(900);
  });

  it("12b: an event not yet completed has no duration, in TypeScript and in SQL", async ({ tx }) => {
    const event = await sampleScalingEvent(tx, { completedAt: null });
    expect(scalingEventDurationSeconds(event)).toBeNull();
    const [fromSql] = await tx
      .select({ seconds: scalingEventDurationSecondsSql })
      .from(scalingEvents)
      .where(eq(scalingEvents.id, event.id));
    expect(fromSql?.seconds).toBeNull();
  });

  it("13 query_scaling_by_type: a fresh agent's scale-ups are exactly its two", async ({ tx }) => {
    const agent = onlyRow(
      await tx
        .insert(agents)
        .values({ type: "resource", name: "resource-by-type", status: "healthy" })
        .returning(),
      "agent",
    );
    const customer = await sampleCustomer(tx);
    const executedAt = new Date();
    await tx.insert(scalingEvents).values(
      (["scale_up", "scale_up", "scale_down"] as const).map((eventType, n) => ({
        agentId: agent.id,
        customerId: customer.id,
        eventType,
        triggerReason: `Test ${n + 1}`,
        beforeState: {},
        afterState: {},
        success: true,
        executedAt,
      })),
    );
    const scaleUps = await tx
      .select({ reason: scalingEvents.triggerReason })
      .from(scalingEvents)
      .where(and(eq(scalingEvents.agentId, agent.id), eq(scalingEvents.eventType, "scale_up")))
      .orderBy(scalingEvents.triggerReason);
    expect(scaleUps).toEqual([{ reason: "Test 1" }, { reason: "Test 2" }]);
  });

  it("14 scaling_event_cascade_delete: deleting the agent deletes its events", async ({ tx }) => {
    const event = await sampleScalingEvent(tx);
    await tx.delete(agents).where(eq(agents.id, event.agentId));
    expect(await tx.select().from(scalingEvents).where(eq(scalingEvents.id, event.id))).toEqual([]);
  });
});

describe("phase 0.2d scenarios (spec §9.4)", () => {
  it("15 complete_scaling_scenario: 8 metrics around a 5-minute scale-up", async ({ tx }) => {
    const ids = await owners(tx);
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * MINUTE_MS);
    const metric = (value: number, minutes: number) => ({
      ...ids,
      ...gpuUtilization,
      instanceId: "i-scenario",
      metricValue: value,
      timestamp: at(minutes),
    });
    await tx
      .insert(resourceMetrics)
      .values([85, 86, 87, 88, 89].map((value, i) => metric(value, -25 + i * 5)));
    const event = await sampleScalingEvent(tx, {
      ...ids,
      triggerReason: "Sustained GPU utilization above 85%",
      executedAt: at(0),
      completedAt: at(5),
    });
    await tx.insert(resourceMetrics).values([60, 61, 62].map((value, i) => metric(value, 10 + i * 5)));

    const series = await metricsOf(tx, "i-scenario");
    expect(series.map((m) => m.value)).toEqual([85, 86, 87, 88, 89, 60, 61, 62]);
    const reread = await tx.query.scalingEvents.findFirst({ where: eq(scalingEvents.id, event.id) });
    expect(reread?.success).toBe(true);
    expect(reread && scalingEventDurationSeconds(reread)).toBe(300);
  });

  it("16 query_customer_resource_usage: a fresh customer has exactly its one metric and one event", async ({
    tx,
  }) => {
    const ids = await owners(tx);
    await sampleResourceMetric(tx, ids);
    await sampleScalingEvent(tx, ids);
    const [metrics] = await tx
      .select({ n: count() })
      .from(resourceMetrics)
      .where(eq(resourceMetrics.customerId, ids.customerId));
    const [events] = await tx
      .select({ n: count() })
      .from(scalingEvents)
      .where(eq(scalingEvents.customerId, ids.customerId));
    expect([metrics?.n, events?.n]).toEqual([1, 1]);
  });

  it("17 cascade_delete_full_resource_data: deleting the agent removes its metric and event", async ({
    tx,
  }) => {
    const customer = await sampleCustomer(tx);
    const agent = onlyRow(
      await tx
        .insert(agents)
        .values({ type: "resource", name: "resource-delete", status: "healthy" })
        .returning(),
      "agent",
    );
    const ids = { agentId: agent.id, customerId: customer.id };
    const metric = await sampleResourceMetric(tx, { ...ids, instanceId: "i-delete" });
    const event = await sampleScalingEvent(tx, ids);
    await tx.delete(agents).where(eq(agents.id, agent.id));
    expect(await tx.select().from(resourceMetrics).where(eq(resourceMetrics.id, metric.id))).toEqual([]);
    expect(await tx.select().from(scalingEvents).where(eq(scalingEvents.id, event.id))).toEqual([]);
    // The customer is not the agent's: it stays.
    expect(
      await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customer.id)),
    ).toEqual([{ id: customer.id }]);
  });

  it("deleting a workflow execution keeps its scaling events, un-linked (SET NULL)", async ({ tx }) => {
    const workflow = await sampleWorkflowExecution(tx, { workflowType: "scaling_decision" });
    const event = await sampleScalingEvent(tx, {
      agentId: workflow.agentId,
      customerId: workflow.customerId,
      workflowExecutionId: workflow.id,
    });
    await tx.delete(workflowExecutions).where(eq(workflowExecutions.id, workflow.id));
    const read = await tx.query.scalingEvents.findFirst({ where: eq(scalingEvents.id, event.id) });
    expect(read?.workflowExecutionId).toBeNull();
  });
});
