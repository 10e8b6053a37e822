import { and, asc, between, count, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "../src/client.js";
import { agentCapabilities, agentConfigs, agentMetrics, agentStates, agents } from "../src/schema/index.js";
import { onlyRow } from "../src/sql.js";
import type { Agent, NewAgent } from "../src/types.js";
import { HOUR_MS, rejection, useTestDatabase } from "./support.js";

const { it } = useTestDatabase();

describe("phase 0.2b agent state (spec §9.2)", () => {
  it("1: creates an integer config; the database fills id, created_at and updated_at", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-config");
    const created = onlyRow(
      await tx
        .insert(agentConfigs)
        .values({
          agentId: agent.id,
          configKey: "max_cost_threshold",
          configValue: "5000",
          configType: "integer",
          description: "Maximum monthly cost in USD",
        })
        .returning(),
      "agent config",
    );
    expect(created.createdAt).toBeInstanceOf(Date);
    const read = await tx.query.agentConfigs.findFirst({ where: eq(agentConfigs.id, created.id) });
    expect(read).toEqual({
      id: created.id,
      agentId: agent.id,
      configKey: "max_cost_threshold",
      configValue: "5000",
      configType: "integer",
      description: "Maximum monthly cost in USD",
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });
  });

  it("2: agent.configs holds exactly the one config created", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-configs");
    const config = onlyRow(
      await tx
        .insert(agentConfigs)
        .values({ agentId: agent.id, configKey: "max_cost_threshold", configValue: "5000" })
        .returning(),
      "agent config",
    );
    const read = await tx.query.agents.findFirst({ where: eq(agents.id, agent.id), with: { configs: true } });
    expect(read?.configs).toEqual([config]);
  });

  it("3: a second config with the same (agent, config_key) violates uq_agent_config", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-duplicate-config");
    await tx.insert(agentConfigs).values({ agentId: agent.id, configKey: "duplicate_key", configValue: "1" });
    const error = await rejection(tx, (sp) =>
      sp.insert(agentConfigs).values({ agentId: agent.id, configKey: "duplicate_key", configValue: "2" }),
    );
    expect(error).toMatchObject({ code: "23505", constraint: "uq_agent_config" });
  });

  it("4: a busy state with workflows, locks and resource usage round-trips", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-state");
    const created = onlyRow(
      await tx
        .insert(agentStates)
        .values({
          agentId: agent.id,
          currentStatus: "busy",
          activeWorkflows: ["workflow_123"],
          locks: { resource1: true },
          resourceUsage: { cpu: 45.5, memory: 2048 },
        })
        .returning(),
      "agent state",
    );
    const read = await tx.query.agentStates.findFirst({ where: eq(agentStates.id, created.id) });
    expect(read).toEqual({
      id: created.id,
      agentId: agent.id,
      currentStatus: "busy",
      activeWorkflows: ["workflow_123"],
      locks: { resource1: true },
      // now() is the transaction's start time, the same for last_activity, created_at and updated_at.
      lastActivity: created.createdAt,
      resourceUsage: { cpu: 45.5, memory: 2048 },
      metadata: {},
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
      currentWorkflowId: null,
    });
  });

  it("5: agent.state is the agent's single state; a second state violates agent_states_agent_id_key", async ({
    tx,
  }) => {
    const agent = await newAgent(tx, "cost-single-state");
    const state = onlyRow(
      await tx.insert(agentStates).values({ agentId: agent.id }).returning(),
      "agent state",
    );
    const read = await tx.query.agents.findFirst({ where: eq(agents.id, agent.id), with: { state: true } });
    expect(read?.state).toEqual(state);
    expect(read?.state?.agentId).toBe(agent.id);
    const error = await rejection(tx, (sp) =>
      sp.insert(agentStates).values({ agentId: agent.id, currentStatus: "busy" }),
    );
    expect(error).toMatchObject({ code: "23505", constraint: "agent_states_agent_id_key" });
  });

  it("6: nested state metadata round-trips", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-state-metadata");
    const metadata = {
      workflow_id: "wf_123",
      started_at: new Date().toISOString(),
      metrics: { requests: 150, errors: 2 },
    };
    const { id } = onlyRow(
      await tx.insert(agentStates).values({ agentId: agent.id, metadata }).returning(),
      "agent state",
    );
    const read = await tx.query.agentStates.findFirst({ where: eq(agentStates.id, id) });
    expect(read?.metadata).toEqual(metadata);
  });

  it("7: a capability with its version and config round-trips, enabled by default", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-capability");
    const created = onlyRow(
      await tx
        .insert(agentCapabilities)
        .values({
          agentId: agent.id,
          capabilityName: "advanced_cost_analysis",
          capabilityVersion: "2.1.0",
          config: { model: "cost_predictor_v2", confidence_threshold: 0.85 },
        })
        .returning(),
      "agent capability",
    );
    const read = await tx.query.agentCapabilities.findFirst({ where: eq(agentCapabilities.id, created.id) });
    expect(read).toEqual({
      id: created.id,
      agentId: agent.id,
      capabilityName: "advanced_cost_analysis",
      capabilityVersion: "2.1.0",
      enabled: true,
      config: { model: "cost_predictor_v2", confidence_threshold: 0.85 },
      description: null,
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });
  });

  it("8: agent.capabilityDetails holds exactly the two capabilities created", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-capabilities");
    const capability = (name: string) =>
      tx
        .insert(agentCapabilities)
        .values({ agentId: agent.id, capabilityName: name })
        .returning()
        .then((rows) => onlyRow(rows, "agent capability"));
    const spotMigration = await capability("spot_migration");
    const rightSizing = await capability("right_sizing");
    const other = await newAgent(tx, "cost-other-capabilities");
    await tx.insert(agentCapabilities).values({ agentId: other.id, capabilityName: "spot_migration" });
    const read = await tx.query.agents.findFirst({
      where: eq(agents.id, agent.id),
      with: { capabilityDetails: { orderBy: (c, { asc }) => [asc(c.capabilityName)] } },
    });
    expect(read?.capabilityDetails).toEqual([rightSizing, spotMigration]);
  });

  it("9: disabling a capability persists", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-disable");
    const { id } = onlyRow(
      await tx
        .insert(agentCapabilities)
        .values({ agentId: agent.id, capabilityName: "spot_migration" })
        .returning(),
      "agent capability",
    );
    await tx.update(agentCapabilities).set({ enabled: false }).where(eq(agentCapabilities.id, id));
    const read = await tx.query.agentCapabilities.findFirst({ where: eq(agentCapabilities.id, id) });
    expect(read?.enabled).toBe(false);
  });

  it("10: a gauge metric with tags round-trips", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-metric");
    const created = onlyRow(
      await tx
        .insert(agentMetrics)
        .values({
          agentId: agent.id,
          metricName: "cost_savings_usd",
          metricValue: 45000.5,
          metricType: "gauge",
          tags: { period: "monthly", customer_count: 5 },
        })
        .returning(),
      "agent metric",
    );
    const read = await tx.query.agentMetrics.findFirst({ where: eq(agentMetrics.id, created.id) });
    expect(read).toEqual({
      id: created.id,
      agentId: agent.id,
      metricName: "cost_savings_usd",
      metricValue: 45000.5,
      metricType: "gauge",
      tags: { period: "monthly", customer_count: 5 },
      recordedAt: created.recordedAt,
    });
    expect(read?.recordedAt).toBeInstanceOf(Date);
  });

  it("11: agent.metrics holds exactly the one metric created", async ({ tx }) => {
    const agent = await newAgent(tx, "cost-metrics");
    const metric = onlyRow(
      await tx
        .insert(agentMetrics)
        .values({ agentId: agent.id, metricName: "cost_savings_usd", metricValue: 45000.5 })
        .returning(),
      "agent metric",
    );
    const read = await tx.query.agents.findFirst({ where: eq(agents.id, agent.id), with: { metrics: true } });
    expect(read?.metrics).toEqual([metric]);
  });

  it("12: five hourly metrics in the window [base, base + 5h], ordered by recorded_at, run 70 … 78", async ({
    tx,
  }) => {
    const agent = await newAgent(tx, "performance-timeseries", "performance");
    const base = new Date("2025-01-15T08:00:00.000Z");
    const at = (hours: number) => new Date(base.getTime() + hours * HOUR_MS);
    // Inserted newest first, with one value outside the window.
    await tx.insert(agentMetrics).values(
      [
        { value: 78, hours: 4 },
        { value: 76, hours: 3 },
        { value: 74, hours: 2 },
        { value: 72, hours: 1 },
        { value: 70, hours: 0 },
        { value: 99, hours: -1 },
      ].map(({ value, hours }) => ({
        agentId: agent.id,
        metricName: "gpu_utilization",
        metricValue: value,
        recordedAt: at(hours),
      })),
    );
    const window = await tx
      .select({ value: agentMetrics.metricValue, recordedAt: agentMetrics.recordedAt })
      .from(agentMetrics)
      .where(
        and(
          eq(agentMetrics.agentId, agent.id),
          eq(agentMetrics.metricName, "gpu_utilization"),
          between(agentMetrics.recordedAt, base, at(5)),
        ),
      )
      .orderBy(asc(agentMetrics.recordedAt));
    expect(window).toEqual([
      { value: 70, recordedAt: at(0) },
      { value: 72, recordedAt: at(1) },
      { value: 74, recordedAt: at(2) },
      { value: 76, recordedAt: at(3) },
      { value: 78, recordedAt: at(4) },
    ]);
  });

  it("13: deleting the agent deletes its configs, state, capabilities and metrics (ON DELETE CASCADE)", async ({
    tx,
  }) => {
    const agent = await newAgent(tx, "cost-doomed");
    await tx
      .insert(agentConfigs)
      .values({ agentId: agent.id, configKey: "max_cost_threshold", configValue: "1" });
    await tx.insert(agentStates).values({ agentId: agent.id });
    await tx.insert(agentCapabilities).values({ agentId: agent.id, capabilityName: "spot_migration" });
    await tx
      .insert(agentMetrics)
      .values({ agentId: agent.id, metricName: "cost_savings_usd", metricValue: 1 });
    expect(await ownedRowCounts(tx, agent.id)).toEqual({
      configs: 1,
      states: 1,
      capabilities: 1,
      metrics: 1,
    });
    await tx.delete(agents).where(eq(agents.id, agent.id));
    expect(await ownedRowCounts(tx, agent.id)).toEqual({
      configs: 0,
      states: 0,
      capabilities: 0,
      metrics: 0,
    });
  });

  it("16: filtering a fresh agent's capabilities by enabled = true finds only the enabled one", async ({
    tx,
  }) => {
    const agent = await newAgent(tx, "cost-enabled-filter");
    await tx.insert(agentCapabilities).values([
      { agentId: agent.id, capabilityName: "spot_migration", enabled: true },
      { agentId: agent.id, capabilityName: "right_sizing", enabled: false },
    ]);
    const enabled = await tx
      .select({ capabilityName: agentCapabilities.capabilityName, enabled: agentCapabilities.enabled })
      .from(agentCapabilities)
      .where(and(eq(agentCapabilities.agentId, agent.id), eq(agentCapabilities.enabled, true)));
    expect(enabled).toEqual([{ capabilityName: "spot_migration", enabled: true }]);
  });
});

async function newAgent(tx: Database, name: string, type: NewAgent["type"] = "cost"): Promise<Agent> {
  return onlyRow(await tx.insert(agents).values({ type, name, status: "healthy" }).returning(), "agent");
}

async function ownedRowCounts(tx: Database, agentId: string) {
  const countOf = async (
    table: typeof agentConfigs | typeof agentStates | typeof agentCapabilities | typeof agentMetrics,
  ) => {
    const [row] = await tx.select({ n: count() }).from(table).where(eq(table.agentId, agentId));
    return row?.n;
  };
  return {
    configs: await countOf(agentConfigs),
    states: await countOf(agentStates),
    capabilities: await countOf(agentCapabilities),
    metrics: await countOf(agentMetrics),
  };
}
