import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { describe, expect } from "vitest";
import type { Database } from "../src/client.js";
import * as schema from "../src/schema/index.js";
import { onlyRow, rowsOf } from "../src/sql.js";
import { expectedColumns, expectedEnums, expectedForeignKeys } from "./catalog/expected.js";
import { rejection, useTestDatabase } from "./support.js";

const { it } = useTestDatabase();

const {
  agentCapabilities,
  agentConfigs,
  agentMetrics,
  agentStates,
  agents,
  approvals,
  customers,
  events,
  optimizations,
  recommendations,
  resourceMetrics,
  scalingEvents,
  workflowArtifacts,
  workflowExecutions,
  workflowSteps,
} = schema;

/**
 * One valid row for every table, all linked to one customer, agent, recommendation, execution and step, so a
 * test can break exactly one column of a row that is otherwise accepted.
 */
async function validRows(tx: Database) {
  const now = new Date();
  const customer = onlyRow(
    await tx
      .insert(customers)
      .values({ name: "Valid", email: `valid-${randomUUID()}@example.com` })
      .returning(),
    "customer",
  );
  const agent = onlyRow(
    await tx
      .insert(agents)
      .values({ type: "resource", name: `valid-${randomUUID()}` })
      .returning(),
    "agent",
  );
  const owned = { customerId: customer.id, agentId: agent.id };
  const recommendation = onlyRow(
    await tx
      .insert(recommendations)
      .values({ ...owned, type: "right_sizing", title: "Valid" })
      .returning(),
    "recommendation",
  );
  const execution = onlyRow(
    await tx
      .insert(workflowExecutions)
      .values({ ...owned, workflowType: "health_check" })
      .returning(),
    "workflow execution",
  );
  const step = onlyRow(
    await tx
      .insert(workflowSteps)
      .values({ workflowExecutionId: execution.id, stepName: "valid", stepOrder: 1 })
      .returning(),
    "workflow step",
  );
  const rows: [PgTable, Record<string, unknown>][] = [
    [customers, { name: "Another", email: `another-${randomUUID()}@example.com` }],
    [agents, { type: "cost", name: `another-${randomUUID()}` }],
    [events, { ...owned, eventType: "valid" }],
    [recommendations, { ...owned, type: "spot_migration", title: "Another" }],
    [approvals, { recommendationId: recommendation.id, approvedBy: "admin@example.com" }],
    [optimizations, { ...owned, recommendationId: recommendation.id }],
    [agentConfigs, { agentId: agent.id, configKey: "valid_key", configValue: "1" }],
    [agentStates, { agentId: agent.id, currentWorkflowId: execution.id }],
    [agentCapabilities, { agentId: agent.id, capabilityName: "valid_capability" }],
    [agentMetrics, { agentId: agent.id, metricName: "valid_metric", metricValue: 1 }],
    [workflowExecutions, { ...owned, workflowType: "cost_analysis" }],
    [workflowSteps, { workflowExecutionId: execution.id, stepName: "another", stepOrder: 2 }],
    [
      workflowArtifacts,
      {
        workflowExecutionId: execution.id,
        workflowStepId: step.id,
        artifactType: "log",
        artifactName: "valid.log",
        artifactPath: "s3://bucket/valid.log",
      },
    ],
    [
      resourceMetrics,
      {
        ...owned,
        instanceId: "i-valid",
        resourceType: "gpu",
        metricName: "utilization",
        metricValue: 50,
        unit: "percent",
        timestamp: now,
      },
    ],
    [
      scalingEvents,
      {
        ...owned,
        workflowExecutionId: execution.id,
        eventType: "scale_up",
        triggerReason: "valid",
        beforeState: {},
        afterState: {},
        executedAt: now,
      },
    ],
  ];
  return new Map(rows.map(([table, row]) => [getTableName(table), { table, row }]));
}

/** The TypeScript property of the column whose SQL name is `column`. */
function propertyOf(table: PgTable, column: string): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c.name === column);
  if (!entry) throw new Error(`${getTableName(table)} has no column ${column}`);
  return entry[0];
}

describe("every constraint is enforced by the database (spec §9.5)", () => {
  it("each valid row is accepted as it stands (the baseline of the tests below)", async ({ tx }) => {
    const rows = await validRows(tx);
    expect(rows.size).toBe(15);
    for (const { table, row } of rows.values()) {
      await tx.insert(table).values(row);
    }
  });

  it("every NOT NULL column rejects null", async ({ tx }) => {
    const rows = await validRows(tx);
    const notNull = expectedColumns.filter(([, , , nullable]) => !nullable);
    expect(notNull.length).toBe(126);
    for (const [tableName, column] of notNull) {
      const { table, row } = rows.get(tableName) ?? {};
      if (!table || !row) throw new Error(`no valid row for ${tableName}`);
      const error = await rejection(tx, (sp) =>
        sp.insert(table).values({ ...row, [propertyOf(table, column)]: null }),
      );
      expect({ tableName, column, code: error.code, errorColumn: error.column }).toEqual({
        tableName,
        column,
        code: "23502",
        errorColumn: column,
      });
    }
  });

  it("every foreign key rejects an orphan, naming the constraint", async ({ tx }) => {
    const rows = await validRows(tx);
    expect(expectedForeignKeys.length).toBe(23);
    for (const [tableName, column, , , constraint] of expectedForeignKeys) {
      const { table, row } = rows.get(tableName) ?? {};
      if (!table || !row) throw new Error(`no valid row for ${tableName}`);
      const error = await rejection(tx, (sp) =>
        sp.insert(table).values({ ...row, [propertyOf(table, column)]: randomUUID() }),
      );
      expect({ constraint: error.constraint, code: error.code }).toEqual({ constraint, code: "23503" });
    }
  });

  it("every enum type rejects a value it does not list", async ({ tx }) => {
    expect(Object.keys(expectedEnums).length).toBe(18);
    for (const enumName of Object.keys(expectedEnums)) {
      const error = await rejection(tx, (sp) =>
        sp.execute(sql`select ${"not_a_value"}::${sql.identifier(enumName)}`),
      );
      expect({ enumName, code: error.code, message: error.message }).toEqual({
        enumName,
        code: "22P02",
        message: `invalid input value for enum ${enumName}: "not_a_value"`,
      });
    }
    // And through a column: `active` is not an agent status (the seed document's fixtures used it).
    const error = await rejection(tx, (sp) =>
      sp.execute(sql`insert into agents (type, name, status) values ('resource', 'x', 'active')`),
    );
    expect(error.code).toBe("22P02");
  });

  it("every unique constraint rejects a duplicate, naming the constraint", async ({ tx }) => {
    const [customer] = await tx
      .insert(customers)
      .values({ name: "Dup", email: "dup@example.com", apiKey: "k1" })
      .returning();
    const agent = onlyRow(
      await tx.insert(agents).values({ type: "cost", name: "dup-agent" }).returning(),
      "agent",
    );
    const cases: [string, (sp: Database) => Promise<unknown>][] = [
      [
        "customers_email_key",
        (sp) => sp.insert(customers).values({ name: "Dup 2", email: "dup@example.com" }),
      ],
      [
        "customers_api_key_key",
        (sp) =>
          sp
            .insert(customers)
            .values({ name: "Dup 3", email: "other@example.com", apiKey: customer?.apiKey }),
      ],
      ["uq_agent_type_name", (sp) => sp.insert(agents).values({ type: "cost", name: "dup-agent" })],
      [
        "uq_agent_config",
        async (sp) => {
          await sp.insert(agentConfigs).values({ agentId: agent.id, configKey: "k", configValue: "1" });
          await sp.insert(agentConfigs).values({ agentId: agent.id, configKey: "k", configValue: "2" });
        },
      ],
      [
        "agent_states_agent_id_key",
        async (sp) => {
          await sp.insert(agentStates).values({ agentId: agent.id });
          await sp.insert(agentStates).values({ agentId: agent.id, currentStatus: "busy" });
        },
      ],
      [
        "uq_agent_capability",
        async (sp) => {
          await sp.insert(agentCapabilities).values({ agentId: agent.id, capabilityName: "dup" });
          await sp.insert(agentCapabilities).values({ agentId: agent.id, capabilityName: "dup" });
        },
      ],
    ];
    for (const [constraint, work] of cases) {
      const error = await rejection(tx, work);
      expect({ constraint: error.constraint, code: error.code }).toEqual({ constraint, code: "23505" });
    }
  });

  it("check_confidence_range accepts 0.0 and 1.0 and rejects 1.1 and -0.1", async ({ tx }) => {
    const rows = await validRows(tx);
    const base = rows.get("recommendations")?.row ?? {};
    for (const confidenceScore of [0.0, 1.0]) {
      await tx
        .insert(recommendations)
        .values({ ...base, confidenceScore } as typeof recommendations.$inferInsert);
    }
    for (const confidenceScore of [1.1, -0.1]) {
      const error = await rejection(tx, (sp) =>
        sp.insert(recommendations).values({ ...base, confidenceScore } as never),
      );
      expect({ constraint: error.constraint, code: error.code }).toEqual({
        constraint: "check_confidence_range",
        code: "23514",
      });
    }
  });

  it("check_progress_range accepts 0 and 100 and rejects 101 and -1", async ({ tx }) => {
    const rows = await validRows(tx);
    const base = rows.get("optimizations")?.row ?? {};
    for (const progress of [0, 100]) {
      await tx.insert(optimizations).values({ ...base, progress } as typeof optimizations.$inferInsert);
    }
    for (const progress of [101, -1]) {
      const error = await rejection(tx, (sp) =>
        sp.insert(optimizations).values({ ...base, progress } as never),
      );
      expect(error.constraint).toBe("check_progress_range");
    }
  });

  it("completion may not precede the start: scaling events, executions and steps", async ({ tx }) => {
    const rows = await validRows(tx);
    const t = new Date("2026-01-01T12:00:00Z");
    const before = new Date(t.getTime() - 1000);
    const cases: [PgTable, Record<string, unknown>, string][] = [
      [scalingEvents, { executedAt: t }, "check_scaling_completed_after_executed"],
      [workflowExecutions, { startedAt: t }, "check_execution_completed_after_started"],
      [workflowSteps, { startedAt: t }, "check_step_completed_after_started"],
    ];
    for (const [table, start, constraint] of cases) {
      const base = { ...rows.get(getTableName(table))?.row, ...start };
      // Completing at the very instant it started is allowed; so is not having completed.
      await tx.insert(table).values({ ...base, completedAt: t });
      await tx.insert(table).values({ ...base, completedAt: null });
      const error = await rejection(tx, (sp) => sp.insert(table).values({ ...base, completedAt: before }));
      expect({ constraint: error.constraint, code: error.code }).toEqual({ constraint, code: "23514" });
    }
    // Executions and steps that never started may carry any completion time.
    await tx.insert(workflowExecutions).values({
      ...(rows.get("workflow_executions")?.row as typeof workflowExecutions.$inferInsert),
      startedAt: null,
      completedAt: before,
    });
  });

  it("check_metric_value_finite rejects NaN, Infinity and -Infinity", async ({ tx }) => {
    const rows = await validRows(tx);
    const base = rows.get("resource_metrics")?.row as typeof resourceMetrics.$inferInsert;
    for (const literal of ["NaN", "Infinity", "-Infinity"]) {
      const error = await rejection(tx, (sp) =>
        sp.execute(
          sql`insert into resource_metrics (agent_id, customer_id, instance_id, resource_type, metric_name, metric_value, unit, timestamp)
              values (${base.agentId}, ${base.customerId}, 'i-nan', 'gpu', 'utilization', ${literal}::double precision, 'percent', now())`,
        ),
      );
      expect({ literal, constraint: error.constraint }).toEqual({
        literal,
        constraint: "check_metric_value_finite",
      });
    }
    const largestFinite = onlyRow(
      await tx
        .insert(resourceMetrics)
        .values({ ...base, metricValue: Number.MAX_VALUE })
        .returning(),
      "resource metric",
    );
    expect(largestFinite.metricValue).toBe(Number.MAX_VALUE);
  });
});

describe("server defaults (spec §2.1 I-1, I-2 and the reference defaults)", () => {
  it("raw SQL inserts get the database's ids, api key, statuses and jsonb defaults", async ({ tx }) => {
    const [customer] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into customers (name, email) values ('Raw', 'raw@example.com') returning *`,
      ),
    );
    expect(customer).toMatchObject({ plan: "free", status: "active", metadata: {} });
    expect(customer?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(customer?.api_key).toMatch(/^[0-9a-f]{32}$/);

    const [agent] = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`insert into agents (type, name) values ('cost', 'raw-agent') returning *`),
    );
    expect(agent).toMatchObject({ status: "starting", capabilities: [], metadata: {}, version: null });
    const owned = sql.raw(`'${customer?.id}', '${agent?.id}'`);

    const [event] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into events (customer_id, agent_id, event_type) values (${owned}, 'raw') returning *`,
      ),
    );
    expect(event).toMatchObject({ severity: "info", data: {} });

    const [recommendation] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into recommendations (customer_id, agent_id, type, title) values (${owned}, 'raw', 'Raw') returning *`,
      ),
    );
    expect(recommendation).toMatchObject({
      priority: "medium",
      status: "pending",
      confidence_score: 0,
      data: {},
    });

    const [optimization] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into optimizations (customer_id, agent_id, recommendation_id) values (${owned}, ${recommendation?.id}) returning *`,
      ),
    );
    expect(optimization).toMatchObject({ status: "queued", progress: 0, result: {} });

    const [execution] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into workflow_executions (customer_id, agent_id, workflow_type) values (${owned}, 'health_check') returning *`,
      ),
    );
    expect(execution).toMatchObject({
      status: "pending",
      input_data: {},
      output_data: {},
      metadata: {},
      error_details: null,
    });

    const [step] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into workflow_steps (workflow_execution_id, step_name, step_order) values (${execution?.id}, 'raw', 1) returning *`,
      ),
    );
    expect(step).toMatchObject({ status: "pending", retry_count: 0, max_retries: 3, metadata: {} });

    const [scaling] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into scaling_events (customer_id, agent_id, event_type, trigger_reason, before_state, after_state, executed_at)
            values (${owned}, 'scale_up', 'raw', '{}', '{}', now()) returning *`,
      ),
    );
    expect(scaling).toMatchObject({ success: false, metadata: {}, error_details: null, completed_at: null });

    const [state] = rowsOf<Record<string, unknown>>(
      await tx.execute(sql`insert into agent_states (agent_id) values (${agent?.id}) returning *`),
    );
    expect(state).toMatchObject({
      current_status: "idle",
      active_workflows: [],
      locks: {},
      resource_usage: {},
    });

    const [capability] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into agent_capabilities (agent_id, capability_name) values (${agent?.id}, 'raw') returning *`,
      ),
    );
    expect(capability).toMatchObject({ capability_version: "1.0.0", enabled: true, config: {} });

    const [config] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into agent_configs (agent_id, config_key, config_value) values (${agent?.id}, 'raw', 'v') returning *`,
      ),
    );
    expect(config).toMatchObject({ config_type: "string" });

    const [metric] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`insert into agent_metrics (agent_id, metric_name, metric_value) values (${agent?.id}, 'raw', 1) returning *`,
      ),
    );
    expect(metric).toMatchObject({ metric_type: "gauge", tags: {} });
  });

  it("updates through Drizzle refresh updated_at on every table that has one, and change nothing else (I-4)", async ({
    tx,
  }) => {
    const rows = await validRows(tx);
    const withUpdatedAt = [...rows.values()].filter(({ table }) => "updatedAt" in getTableColumns(table));
    expect(withUpdatedAt.map(({ table }) => getTableName(table)).sort()).toEqual([
      "agent_capabilities",
      "agent_configs",
      "agent_states",
      "agents",
      "approvals",
      "customers",
      "recommendations",
      "scaling_events",
      "workflow_artifacts",
      "workflow_executions",
      "workflow_steps",
    ]);
    type Timestamped = { id: string; createdAt: Date; updatedAt: Date };
    for (const { table, row } of withUpdatedAt) {
      const idColumn = getTableColumns(table).id;
      if (!idColumn) throw new Error(`${getTableName(table)} has no id column`);
      const before = onlyRow(
        (await tx.insert(table).values(row).returning()) as Timestamped[],
        getTableName(table),
      );
      // Rows read back with millisecond precision: let the clock pass one before updating.
      await sleep(2);
      // An update that sets nothing but created_at to itself: only updated_at may change.
      const after = onlyRow(
        (await tx
          .update(table)
          .set({ createdAt: before.createdAt })
          .where(eq(idColumn, before.id))
          .returning()) as Timestamped[],
        getTableName(table),
      );
      expect({ table: getTableName(table), ...after }).toEqual({
        table: getTableName(table),
        ...before,
        updatedAt: after.updatedAt,
      });
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    }
  });
});
