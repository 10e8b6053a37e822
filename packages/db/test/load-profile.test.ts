import { createContractSchemas } from "@optiinfra/contracts";
import { count, eq, max, min } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DbError } from "../src/errors.js";
import { copyLine, inBulkTransaction } from "../src/queries/bulk.js";
import * as t from "../src/schema/index.js";
import { demoAgentIds, demoCustomerIds, seedCore } from "../src/seeds/index.js";
import {
  type LoadProfileOptions,
  loadInstanceIds,
  loadProfileRows,
  METRICS_PER_TICK,
  seedLoadProfile,
} from "../src/seeds/load-profile.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/database.js";

const now = new Date("2026-10-20T12:00:00.000Z");
const DAY_MS = 86_400_000;
const small: LoadProfileOptions = { metrics: 9 * 20 * 48, instances: 20, days: 2, seed: 42, now };

describe("the load profile's rows", () => {
  const rows = [...loadProfileRows(small)];

  it("are exactly as many as asked, from as many instances, evenly spread over the days up to now", () => {
    expect(rows.length).toBe(8640);
    expect(new Set(rows.map((r) => r.instanceId))).toEqual(new Set(loadInstanceIds(small)));
    const times = [...new Set(rows.map((r) => r.timestamp.getTime()))].sort((a, b) => a - b);
    expect(times.length).toBe(48);
    expect(times[0]).toBe(now.getTime() - 2 * DAY_MS + DAY_MS / 24);
    expect(times.at(-1)).toBe(now.getTime());
    // Every instance reports the same nine metrics at every tick.
    const perInstanceTick = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.instanceId}@${r.timestamp.getTime()}`;
      perInstanceTick.set(key, (perInstanceTick.get(key) ?? 0) + 1);
    }
    expect(new Set(perInstanceTick.values())).toEqual(new Set([METRICS_PER_TICK]));
  });

  it("stop mid-tick when the count is not a whole number of ticks", () => {
    expect([...loadProfileRows({ ...small, metrics: 1000 })].length).toBe(1000);
  });

  it("are the same for the same seed and differ for another", () => {
    expect([...loadProfileRows(small)]).toEqual(rows);
    const other = [...loadProfileRows({ ...small, seed: 43 })];
    expect(other.map((r) => r.metricValue)).not.toEqual(rows.map((r) => r.metricValue));
  });

  it("all pass the metric contracts (known units, values in range)", () => {
    const { metricSampleSchema } = createContractSchemas({ now: () => now.getTime() });
    const failures = rows
      .map((r) =>
        metricSampleSchema.safeParse({
          instance_id: r.instanceId,
          resource_type: r.resourceType,
          metric_name: r.metricName,
          value: r.metricValue,
          unit: r.unit,
          timestamp: r.timestamp.toISOString(),
          metadata: r.metadata,
        }),
      )
      .filter((result) => !result.success);
    expect(failures).toEqual([]);
  });

  it("include idle instances, and temperature follows GPU utilization", () => {
    const gpu = rows.filter((r) => r.metricName === "utilization" && r.resourceType === "gpu");
    const byInstance = new Map<string, number[]>();
    for (const r of gpu)
      byInstance.set(r.instanceId, [...(byInstance.get(r.instanceId) ?? []), r.metricValue]);
    const means = [...byInstance.values()].map((values) => values.reduce((a, b) => a + b, 0) / values.length);
    const idle = means.filter((m) => m < 10);
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.length).toBeLessThan(means.length);
    // Hotter when busier: the temperature of a sample is 32 °C + 50 °C × utilization, give or take 1.5 °C.
    const temperatures = rows.filter((r) => r.metricName === "temperature");
    gpu.forEach((sample, i) => {
      expect(
        Math.abs((temperatures[i]?.metricValue ?? 0) - (32 + 0.5 * sample.metricValue)),
      ).toBeLessThanOrEqual(1.51);
    });
  });

  it("rejects options out of range with the option's name", () => {
    expect(() => [...loadProfileRows({ ...small, metrics: 0 })]).toThrow(
      "--metrics must be a whole number from 1 to 100000000, not 0.",
    );
    expect(() => [...loadProfileRows({ ...small, instances: 1.5 })]).toThrow(
      "--instances must be a whole number",
    );
    expect(() => [...loadProfileRows({ ...small, seed: -1 })]).toThrow(
      "--seed must be a whole number from 0",
    );
  });
});

describe("seedLoadProfile", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb.close());
  beforeEach(() => testDb.reset());

  it("needs the core phase, and says so", async () => {
    const error = await seedLoadProfile(testDb.db, small).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe("seed_prerequisite_missing");
    expect((error as DbError).message).toContain("The load profile needs agent resource-agent-1");
  });

  it("writes the rows it generates; a rerun with the same seed replaces them", async () => {
    await seedCore(testDb.db, { now });
    const first = await seedLoadProfile(testDb.db, small);
    expect({ rows: first.rows, replaced: first.replaced }).toEqual({ rows: 8640, replaced: 0 });
    const progress: number[] = [];
    const second = await seedLoadProfile(testDb.db, small, (rows) => progress.push(rows));
    expect({ rows: second.rows, replaced: second.replaced }).toEqual({ rows: 8640, replaced: 8640 });
    expect(progress).toEqual([8640]);

    const [stats] = await testDb.db
      .select({
        rows: count(),
        first: min(t.resourceMetrics.timestamp),
        last: max(t.resourceMetrics.timestamp),
      })
      .from(t.resourceMetrics);
    expect(stats).toEqual({
      rows: 8640,
      first: new Date(now.getTime() - 2 * DAY_MS + DAY_MS / 24),
      last: now,
    });
    const firstInstance = loadInstanceIds(small)[0] as string;
    const key = (r: { timestamp: Date; resourceType: string; metricName: string }) =>
      `${r.timestamp.toISOString()} ${r.resourceType} ${r.metricName}`;
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    const written = (
      await testDb.db.select().from(t.resourceMetrics).where(eq(t.resourceMetrics.instanceId, firstInstance))
    )
      .map((r) => ({ key: key(r), value: r.metricValue, unit: r.unit, metadata: r.metadata }))
      .sort(byKey);
    const generated = [...loadProfileRows(small)]
      .filter((r) => r.instanceId === firstInstance)
      .map((r) => ({ key: key(r), value: r.metricValue, unit: r.unit, metadata: r.metadata }))
      .sort(byKey);
    expect(written.length).toBe(432);
    expect(written).toEqual(generated);
  });

  it("writes nothing when the COPY fails half-way", async () => {
    await seedCore(testDb.db, { now });
    const error = await inBulkTransaction(testDb.db, async (writer) => {
      const good = copyLine({
        agentId: demoAgentIds.resource,
        customerId: demoCustomerIds.acme,
        instanceId: "i-good",
        resourceType: "gpu",
        metricName: "utilization",
        metricValue: 50,
        unit: "percent",
        timestamp: now,
        metadata: {},
      });
      await writer.copyResourceMetrics([{ text: `${good}\n`, rows: 1 }]);
      await writer.copyResourceMetrics([{ text: `${good.replace("\t50\t", "\tNaN\t")}\n`, rows: 1 }]);
    }).catch((e: unknown) => e);
    expect(String(error)).toContain("check_metric_value_finite");
    const [rows] = await testDb.db.select({ n: count() }).from(t.resourceMetrics);
    expect(rows?.n).toBe(0);
  });

  it("COPY text escaping keeps backslashes, tabs and newlines intact", async () => {
    await seedCore(testDb.db, { now });
    const awkward = "i-odd\\name\twith\ttabs\nand newline\r";
    await inBulkTransaction(testDb.db, (writer) =>
      writer.copyResourceMetrics([
        {
          text: `${copyLine({
            agentId: demoAgentIds.resource,
            customerId: demoCustomerIds.acme,
            instanceId: awkward,
            resourceType: "cpu",
            metricName: "utilization",
            metricValue: 12.5,
            unit: "percent",
            timestamp: now,
            metadata: { note: "tab\there" },
          })}\n`,
          rows: 1,
        },
      ]),
    );
    const [row] = await testDb.db.select().from(t.resourceMetrics);
    expect({ instanceId: row?.instanceId, metadata: row?.metadata, value: row?.metricValue }).toEqual({
      instanceId: awkward,
      metadata: { note: "tab\there" },
      value: 12.5,
    });
  });
});
