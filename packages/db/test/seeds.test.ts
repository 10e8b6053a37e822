import { createContractSchemas } from "@optiinfra/contracts";
import { asc, eq, getTableColumns, getTableName } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Database } from "../src/client.js";
import { testDatabaseUrlFromEnv } from "../src/env.js";
import { DbError } from "../src/errors.js";
import { allTables } from "../src/queries/maintenance.js";
import { readDatabaseReport } from "../src/queries/report.js";
import * as t from "../src/schema/index.js";
import { seedAgentState } from "../src/seeds/agent-state.js";
import { seedCore } from "../src/seeds/core.js";
import { apiKeyDigest, demoApiKeys, demoCustomerIds, seedDemo } from "../src/seeds/index.js";
import { seedResourceSchema } from "../src/seeds/resource-schema.js";
import { seedWorkflowHistory } from "../src/seeds/workflow-history.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/database.js";

// Seeding commits (and, on PostgreSQL, runs on several connections), so these tests empty the database
// between them instead of rolling back.

const now = new Date("2026-10-20T12:00:00.000Z");
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());
beforeEach(() => testDb.reset());

const totalRows = async () =>
  (await readDatabaseReport(testDb.db)).rowCounts.reduce((sum, table) => sum + table.rows, 0);

async function dbErrorOf(promise: Promise<unknown>): Promise<DbError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DbError)) throw new Error(`expected a DbError, got ${String(error)}`);
  return error;
}

describe("seed phases", () => {
  it.each([
    ["agent-state", seedAgentState, 'Phase "agent-state" needs agent cost-agent-1'],
    ["workflow-history", seedWorkflowHistory, 'Phase "workflow-history" needs customer Acme Corp'],
    ["resource-schema", seedResourceSchema, 'Phase "resource-schema" needs customer Acme Corp'],
  ] as const)(
    "%s without its prerequisites fails, names the phase to run first, and writes nothing",
    async (_name, seed, start) => {
      const error = await dbErrorOf(seed(testDb.db, { now }));
      expect(error.code).toBe("seed_prerequisite_missing");
      expect(error.message.startsWith(start)).toBe(true);
      expect(error.message.endsWith('Run phase "core" first.')).toBe(true);
      expect(await totalRows()).toBe(0);
    },
  );

  it("each phase reports what it inserted", async () => {
    const summaries = await seedDemo(testDb.db, { now });
    expect(summaries).toEqual([
      { phase: "core", inserted: { customers: 3, agents: 5, events: 3, recommendations: 3 } },
      {
        phase: "agent-state",
        inserted: { agent_configs: 6, agent_states: 4, agent_capabilities: 6, agent_metrics: 6 },
      },
      {
        phase: "workflow-history",
        inserted: { workflow_executions: 3, workflow_steps: 12, workflow_artifacts: 6 },
      },
      {
        phase: "resource-schema",
        inserted: { resource_metrics: 126, workflow_executions: 1, scaling_events: 8 },
      },
    ]);
  });

  it("the resource phase needs only the core phase", async () => {
    await seedCore(testDb.db, { now });
    const summary = await seedResourceSchema(testDb.db, { now });
    expect(summary.inserted).toEqual({ resource_metrics: 126, workflow_executions: 1, scaling_events: 8 });
    expect(await totalRows()).toBe(14 + 135);
  });

  it("a phase that hits a conflicting row fails as a whole, naming the constraint", async () => {
    await testDb.db.insert(t.customers).values({ name: "Imposter", email: "admin@acme.com" });
    const error = await dbErrorOf(seedCore(testDb.db, { now }));
    expect(error.code).toBe("seed_failed");
    expect(error.message).toContain('Seeding phase "core" failed');
    expect(error.message).toContain("customers_email_key");
    expect(await totalRows()).toBe(1);
  });

  it("stores the SHA-256 digest of each demo API key, never the key", async () => {
    await seedCore(testDb.db, { now });
    const acme = await testDb.db.query.customers.findFirst({
      where: eq(t.customers.id, demoCustomerIds.acme),
    });
    // sha256("acme_test_key_123456789"), computed independently.
    expect(acme?.apiKey).toBe("83250ecfb143d472c1f01447d2720bf47f672375f238fdaa1922ee47d03c28d9");
    expect(apiKeyDigest(demoApiKeys.acme)).toBe(acme?.apiKey);
  });

  it("every seeded metric and scaling event, read back from the database, passes the contracts", async () => {
    await seedDemo(testDb.db, { now });
    const contracts = createContractSchemas({ now: () => now.getTime() });
    const metrics = await testDb.db.select().from(t.resourceMetrics).orderBy(asc(t.resourceMetrics.id));
    const batch = contracts.metricBatchSchema.safeParse({
      samples: metrics.map((m) => ({
        instance_id: m.instanceId,
        resource_type: m.resourceType,
        metric_name: m.metricName,
        value: m.metricValue,
        unit: m.unit,
        timestamp: m.timestamp.toISOString(),
        metadata: m.metadata,
      })),
    });
    expect(batch.error?.issues).toBeUndefined();
    expect(batch.data?.samples.length).toBe(126);
    const events = await testDb.db.select().from(t.scalingEvents).orderBy(asc(t.scalingEvents.id));
    const failures = events
      .map((e) =>
        contracts.scalingEventSchema.safeParse({
          agent_id: e.agentId,
          customer_id: e.customerId,
          workflow_execution_id: e.workflowExecutionId,
          event_type: e.eventType,
          trigger_reason: e.triggerReason,
          before_state: e.beforeState,
          after_state: e.afterState,
          success: e.success,
          error_details: e.errorDetails,
          executed_at: e.executedAt.toISOString(),
          completed_at: e.completedAt?.toISOString() ?? null,
          metadata: e.metadata,
        }),
      )
      .filter((result) => !result.success);
    expect(events.length).toBe(8);
    expect(failures).toEqual([]);
  });

  it("a fixed `now` gives identical rows in two databases", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(testDb.db, { now });
      await seedDemo(other.db, { now });
      for (const table of allTables) {
        const id = getTableColumns(table).id;
        if (!id) throw new Error(`${getTableName(table)} has no id`);
        const read = (db: Database) => db.select().from(table).orderBy(asc(id));
        expect(await read(other.db)).toEqual(await read(testDb.db));
      }
    } finally {
      await other.close();
    }
  });
});

describe.runIf(testDatabaseUrlFromEnv())("concurrent seed runs on PostgreSQL", () => {
  it("two runs at once on separate connections end as one run would", async () => {
    const runners = await Promise.all(
      [1, 2].map(() => createDb({ url: testDb.url as string, maxConnections: 2 })),
    );
    try {
      const results = await Promise.all(runners.map((db) => seedDemo(db, { now })));
      // Each phase runs under the seed lock, so the two runs take turns phase by phase: between them they
      // insert every row exactly once, and no run fails on the other's rows.
      const insertedByPhase = (phase: number) =>
        results.reduce(
          (sum, run) => sum + Object.values(run[phase]?.inserted ?? {}).reduce((a, b) => a + b, 0),
          0,
        );
      expect([0, 1, 2, 3].map(insertedByPhase)).toEqual([14, 22, 21, 135]);
      expect(await totalRows()).toBe(192);
    } finally {
      await Promise.all(runners.map((db) => db.close()));
    }
  });
});
