import { asc, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { readDatabaseReport } from "../src/queries/report.js";
import { scalingEventDurationSeconds } from "../src/queries/scaling-events.js";
import { orderedSteps } from "../src/queries/workflows.js";
import * as t from "../src/schema/index.js";
import { demoAgentIds, demoCustomerIds, demoScalingWorkflowId, seedDemo } from "../src/seeds/index.js";
import { useTestDatabase } from "./support.js";

// Spec §8.5, §8.6 and the demo-data intentions of §9.2–§9.4, on a database loaded with all four phases.

const { it, testDb } = useTestDatabase();
const now = new Date("2026-10-20T12:00:00.000Z");

beforeAll(async () => {
  await seedDemo(testDb().db, { now });
});

const expectedRowCounts = [
  { table: "customers", rows: 3 },
  { table: "agents", rows: 5 },
  { table: "events", rows: 3 },
  { table: "recommendations", rows: 3 },
  { table: "approvals", rows: 0 },
  { table: "optimizations", rows: 0 },
  { table: "agent_configs", rows: 6 },
  { table: "agent_states", rows: 4 },
  { table: "agent_capabilities", rows: 6 },
  { table: "agent_metrics", rows: 6 },
  { table: "workflow_executions", rows: 4 },
  { table: "workflow_steps", rows: 12 },
  { table: "workflow_artifacts", rows: 6 },
  { table: "resource_metrics", rows: 126 },
  { table: "scaling_events", rows: 8 },
];

describe("the demo data set (spec §8.5, §8.6)", () => {
  it("has the §8.5 row counts: 192 rows in all", async ({ tx }) => {
    const { rowCounts } = await readDatabaseReport(tx);
    expect(rowCounts).toEqual(expectedRowCounts);
    expect(rowCounts.reduce((sum, r) => sum + r.rows, 0)).toBe(192);
  });

  it("loading it again changes no count (insert-or-skip on fixed ids)", async ({ tx }) => {
    const again = await seedDemo(tx, { now: new Date(now.getTime() + 60_000) });
    expect(again.map((s) => [s.phase, Object.values(s.inserted).reduce((a, b) => a + b, 0)])).toEqual([
      ["core", 0],
      ["agent-state", 0],
      ["workflow-history", 0],
      ["resource-schema", 0],
    ]);
    expect((await readDatabaseReport(tx)).rowCounts).toEqual(expectedRowCounts);
  });

  it("answers the seed document's validation queries as §8.6 gives them", async ({ tx }) => {
    const report = await readDatabaseReport(tx);
    expect(report.metricsByResourceType).toEqual([
      { resourceType: "gpu", metrics: 78 },
      { resourceType: "cpu", metrics: 12 },
      { resourceType: "memory", metrics: 12 },
      { resourceType: "disk", metrics: 12 },
      { resourceType: "network", metrics: 12 },
    ]);
    expect(report.scalingEventsByTypeAndSuccess).toEqual([
      { eventType: "scale_up", success: true, events: 2 },
      { eventType: "scale_up", success: false, events: 1 },
      { eventType: "scale_down", success: true, events: 2 },
      { eventType: "auto_scale_triggered", success: true, events: 1 },
      { eventType: "manual_scale", success: true, events: 1 },
      { eventType: "scale_cancelled", success: true, events: 1 },
    ]);
    expect(report.gpuUtilizationByInstance).toEqual([
      { instanceId: "i-0abc123def456", samples: 12, averagePercent: 64.25 },
      { instanceId: "i-0abc123def457", samples: 12, averagePercent: 63.25 },
      { instanceId: "i-0abc123def458", samples: 12, averagePercent: 22.75 },
      { instanceId: "i-techstart001", samples: 6, averagePercent: 75.0 },
    ]);
    expect(report.averageDurationByEventType).toEqual([
      { eventType: "scale_up", success: true, events: 2, averageSeconds: 600 },
      { eventType: "scale_up", success: false, events: 1, averageSeconds: 120 },
      { eventType: "scale_down", success: true, events: 2, averageSeconds: 450 },
      { eventType: "auto_scale_triggered", success: true, events: 1, averageSeconds: 900 },
      { eventType: "manual_scale", success: true, events: 1, averageSeconds: 600 },
      { eventType: "scale_cancelled", success: true, events: 1, averageSeconds: 60 },
    ]);
    expect(report.resourceUsageByCustomer).toEqual([
      { customer: "Acme Corp", metrics: 120, scalingEvents: 7 },
      { customer: "Demo Customer", metrics: 0, scalingEvents: 0 },
      { customer: "TechStart Inc", metrics: 6, scalingEvents: 1 },
    ]);
    expect(report.latestGpuUtilization).toEqual({
      instanceId: "i-0abc123def456",
      percent: 83.5,
      timestamp: now,
    });
    expect(report.mostRecentScalingEvent).toEqual({
      eventType: "scale_up",
      success: true,
      triggerReason: "Real-time monitoring: Sudden traffic spike detected",
      executedAt: new Date(now.getTime() - 10 * 60_000),
      durationSeconds: 300,
    });
  });

  it("averages 472.5 s over all 8 events; 440 s per scale-up", async ({ tx }) => {
    const events = await tx.select().from(t.scalingEvents);
    const durations = events.map((e) => scalingEventDurationSeconds(e) ?? Number.NaN);
    expect(durations.reduce((a, b) => a + b, 0) / durations.length).toBe(472.5);
    const scaleUps = events
      .filter((e) => e.eventType === "scale_up")
      .map((e) => scalingEventDurationSeconds(e) ?? 0);
    expect(scaleUps.reduce((a, b) => a + b, 0) / scaleUps.length).toBe(440);
  });

  it("event 3 (scale_cancelled) lasts 60 s: the seed document's completed_at is corrected", async ({
    tx,
  }) => {
    const event = await tx.query.scalingEvents.findFirst({
      where: eq(t.scalingEvents.eventType, "scale_cancelled"),
    });
    expect(event && scalingEventDurationSeconds(event)).toBe(60);
  });
});

describe("demo-data intentions of spec §9.2 (agent state)", () => {
  it("14: cost-agent-1 loads 2 configs, a busy state, 2 capabilities, 2 metrics; orchestrator-main none", async ({
    tx,
  }) => {
    const load = (id: string) =>
      tx.query.agents.findFirst({
        where: eq(t.agents.id, id),
        with: { configs: true, state: true, capabilityDetails: true, metrics: true },
      });
    const cost = await load(demoAgentIds.cost);
    expect({
      name: cost?.name,
      configs: cost?.configs.map((c) => c.configKey).sort(),
      state: cost?.state?.currentStatus,
      capabilities: cost?.capabilityDetails.map((c) => c.capabilityName).sort(),
      metrics: cost?.metrics.map((m) => m.metricName).sort(),
    }).toEqual({
      name: "cost-agent-1",
      configs: ["cost_threshold_usd", "savings_threshold_percent"],
      state: "busy",
      capabilities: ["gpu_cost_analysis", "storage_optimization"],
      metrics: ["average_savings_percent", "total_savings_identified_usd"],
    });
    const orchestrator = await load(demoAgentIds.orchestrator);
    expect({
      name: orchestrator?.name,
      configs: orchestrator?.configs,
      state: orchestrator?.state,
      capabilities: orchestrator?.capabilityDetails,
      metrics: orchestrator?.metrics,
    }).toEqual({ name: "orchestrator-main", configs: [], state: null, capabilities: [], metrics: [] });
  });

  it("15: 5 integer configs and 1 float config, each row of the filtered type", async ({ tx }) => {
    const ofType = (configType: "integer" | "float") =>
      tx
        .select({ type: t.agentConfigs.configType })
        .from(t.agentConfigs)
        .where(eq(t.agentConfigs.configType, configType));
    expect(await ofType("integer")).toEqual(Array(5).fill({ type: "integer" }));
    expect(await ofType("float")).toEqual([{ type: "float" }]);
  });

  it("16: all 6 demo capabilities are enabled", async ({ tx }) => {
    const [enabled] = await tx
      .select({ n: count() })
      .from(t.agentCapabilities)
      .where(eq(t.agentCapabilities.enabled, true));
    expect(enabled?.n).toBe(6);
  });
});

describe("demo-data intentions of spec §9.3 (workflow history)", () => {
  it("13: the cost analysis loads cost-agent-1, Acme Corp, 5 steps and 3 artifacts", async ({ tx }) => {
    const execution = await tx.query.workflowExecutions.findFirst({
      where: eq(t.workflowExecutions.workflowType, "cost_analysis"),
      with: { agent: true, customer: true, steps: orderedSteps, artifacts: true },
    });
    expect({
      agent: execution?.agent.name,
      customer: execution?.customer.name,
      steps: execution?.steps.length,
      artifacts: execution?.artifacts.length,
    }).toEqual({ agent: "cost-agent-1", customer: "Acme Corp", steps: 5, artifacts: 3 });
  });

  it("14: executions by status: completed 2, running 1, failed 1, pending 0", async ({ tx }) => {
    const rows = await tx
      .select({ status: t.workflowExecutions.status, n: count() })
      .from(t.workflowExecutions)
      .groupBy(t.workflowExecutions.status)
      .orderBy(asc(t.workflowExecutions.status));
    expect(rows).toEqual([
      { status: "running", n: 1 },
      { status: "completed", n: 2 },
      { status: "failed", n: 1 },
    ]);
  });

  it("15: each execution's steps come in step order", async ({ tx }) => {
    const stepOrders = async (workflowType: "cost_analysis" | "performance_tuning" | "quality_check") =>
      (
        await tx.query.workflowExecutions.findFirst({
          where: eq(t.workflowExecutions.workflowType, workflowType),
          with: { steps: orderedSteps },
        })
      )?.steps.map((s) => s.stepOrder);
    expect(await stepOrders("cost_analysis")).toEqual([1, 2, 3, 4, 5]);
    expect(await stepOrders("performance_tuning")).toEqual([1, 2, 3, 4]);
    expect(await stepOrders("quality_check")).toEqual([1, 2, 3]);
  });

  it("16: one artifact each of report, recommendation, chart, metrics, diagnostic, alert; no config or log", async ({
    tx,
  }) => {
    const rows = await tx
      .select({ type: t.workflowArtifacts.artifactType, n: count() })
      .from(t.workflowArtifacts)
      .groupBy(t.workflowArtifacts.artifactType)
      .orderBy(asc(t.workflowArtifacts.artifactType));
    expect(rows).toEqual(
      ["report", "recommendation", "chart", "metrics", "alert", "diagnostic"].map((type) => ({ type, n: 1 })),
    );
  });
});

describe("demo-data intentions of spec §9.4 (resource schema)", () => {
  it("all 126 metrics load resource-agent-1 and their customer", async ({ tx }) => {
    const metrics = await tx.query.resourceMetrics.findMany({
      with: { agent: { columns: { name: true } }, customer: { columns: { name: true } } },
    });
    const tally = (names: string[]) =>
      Object.fromEntries([...new Set(names)].map((n) => [n, names.filter((x) => x === n).length]));
    expect(metrics.length).toBe(126);
    expect(tally(metrics.map((m) => m.agent.name))).toEqual({ "resource-agent-1": 126 });
    expect(tally(metrics.map((m) => m.customer.name))).toEqual({ "Acme Corp": 120, "TechStart Inc": 6 });
  });

  it("all 8 scaling events load agent and customer; only event 1 loads the scaling workflow", async ({
    tx,
  }) => {
    const events = await tx.query.scalingEvents.findMany({
      with: { agent: { columns: { name: true } }, customer: { columns: { id: true } }, workflow: true },
      orderBy: asc(t.scalingEvents.id),
    });
    expect(events.map((e) => e.agent.name)).toEqual(Array(8).fill("resource-agent-1"));
    expect(events.map((e) => e.customer.id)).toEqual(events.map((e) => e.customerId));
    expect(events.map((e) => e.workflow?.id ?? null)).toEqual([
      demoScalingWorkflowId,
      ...Array(7).fill(null),
    ]);
    expect(events[0]?.workflow?.workflowType).toBe("scaling_decision");
  });

  it("7 events succeeded; the one that failed was for want of capacity", async ({ tx }) => {
    const failed = await tx.select().from(t.scalingEvents).where(eq(t.scalingEvents.success, false));
    expect(failed.map((e) => e.errorDetails?.error_type)).toEqual(["InsufficientCapacity"]);
    const [succeeded] = await tx
      .select({ n: count() })
      .from(t.scalingEvents)
      .where(eq(t.scalingEvents.success, true));
    expect(succeeded?.n).toBe(7);
  });

  it("16: Acme Corp has 120 metrics and 7 scaling events; TechStart Inc 6 and 1", async ({ tx }) => {
    const usage = async (customerId: string) => {
      const [metrics] = await tx
        .select({ n: count() })
        .from(t.resourceMetrics)
        .where(eq(t.resourceMetrics.customerId, customerId));
      const [events] = await tx
        .select({ n: count() })
        .from(t.scalingEvents)
        .where(eq(t.scalingEvents.customerId, customerId));
      return [metrics?.n, events?.n];
    };
    expect(await usage(demoCustomerIds.acme)).toEqual([120, 7]);
    expect(await usage(demoCustomerIds.techstart)).toEqual([6, 1]);
  });

  it("metrics have the fixed ids 00000000-0000-0000-0014-000000000001 … 126, in the order the spec lists them", async ({
    tx,
  }) => {
    const rows = await tx
      .select({
        id: t.resourceMetrics.id,
        instanceId: t.resourceMetrics.instanceId,
        value: t.resourceMetrics.metricValue,
      })
      .from(t.resourceMetrics)
      .where(
        inArray(t.resourceMetrics.id, [
          "00000000-0000-0000-0014-000000000001",
          "00000000-0000-0000-0014-000000000126",
        ]),
      )
      .orderBy(asc(t.resourceMetrics.id));
    // S1's first point and S13's last.
    expect(rows).toEqual([
      { id: "00000000-0000-0000-0014-000000000001", instanceId: "i-0abc123def456", value: 45.0 },
      { id: "00000000-0000-0000-0014-000000000126", instanceId: "i-0abc123def458", value: 70.5 },
    ]);
  });
});
