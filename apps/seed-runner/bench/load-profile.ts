// The load profile on PostgreSQL, three ways into the same table, each on a fresh migrated database holding the
// core phase, median of 3:
//   ours        seedLoadProfile(): generates the rows while it streams them through COPY, in one transaction;
//   raw COPY    the same rows, turned into COPY text in memory beforehand (untimed), streamed with
//               pg-copy-streams in one transaction: the floor for COPY from this process;
//   INSERT      the same rows, built beforehand (untimed), inserted with Drizzle 1,000 rows per statement in one
//               transaction.
// BENCH_METRICS sets the row count (default 1,000,000). `pnpm --filter seed-runner bench`.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  copyLine,
  loadProfileRows,
  type NewResourceMetric,
  type OptiInfraDatabase,
  RESOURCE_METRIC_COPY_COLUMNS,
  readDatabaseReport,
  resourceMetrics,
  seedCore,
  seedLoadProfile,
  testDatabaseUrlFromEnv,
} from "@optiinfra/db";
import { createTestDatabase } from "@optiinfra/db/testing";
import { from as copyFrom } from "pg-copy-streams";
import { machineLine, median, timed } from "./support.js";

const RUNS = 3;
const INSERT_BATCH_ROWS = 1_000;
const COPY_CHUNK_ROWS = 10_000;

const metrics = Number(process.env.BENCH_METRICS ?? 1_000_000);
const options = { metrics, instances: 200, days: 7, seed: 42, now: new Date("2026-10-20T12:00:00.000Z") };

const serverUrl = testDatabaseUrlFromEnv();
console.log(machineLine());
if (!serverUrl) {
  console.log(
    "Load profile bench: skipped; it runs on PostgreSQL only (set TEST_DATABASE_URL or DATABASE_URL).",
  );
  process.exit(0);
}

type PostgresDatabase = Extract<OptiInfraDatabase, { backend: "postgres" }>;

async function rawCopy(db: PostgresDatabase, chunks: string[]): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query("begin");
    await pipeline(
      Readable.from(chunks),
      client.query(copyFrom(`copy resource_metrics (${RESOURCE_METRIC_COPY_COLUMNS}) from stdin`)),
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

async function multiRowInsert(db: PostgresDatabase, rows: NewResourceMetric[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
      await tx.insert(resourceMetrics).values(rows.slice(start, start + INSERT_BATCH_ROWS));
    }
  });
}

/** Runs `write` on a fresh migrated database with the core phase; returns its time, after checking the rows. */
async function timeOnFreshDatabase(write: (db: PostgresDatabase) => Promise<unknown>): Promise<number> {
  const testDb = await createTestDatabase({ serverUrl, migrated: true });
  try {
    const db = testDb.db;
    if (db.backend !== "postgres") throw new Error("the load profile bench runs on PostgreSQL");
    await seedCore(db, { now: options.now });
    const { ms } = await timed(() => write(db));
    const rows = (await readDatabaseReport(db)).rowCounts.find(
      (count) => count.table === "resource_metrics",
    )?.rows;
    if (rows !== metrics) throw new Error(`expected ${metrics} resource metrics, found ${rows}`);
    return ms;
  } finally {
    await testDb.close();
  }
}

async function serverVersion(): Promise<string> {
  const testDb = await createTestDatabase({ serverUrl, migrated: false });
  try {
    if (testDb.db.backend !== "postgres") return "?";
    const { rows } = await testDb.db.$client.query<{ server_version: string }>("show server_version");
    return rows[0]?.server_version ?? "?";
  } finally {
    await testDb.close();
  }
}
console.log(`PostgreSQL ${await serverVersion()}`);

// Generated once, outside every timing: the same rows for raw COPY and for INSERT.
const preparation = await timed(async () => {
  const rows = [...loadProfileRows(options)];
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += COPY_CHUNK_ROWS) {
    chunks.push(
      `${rows
        .slice(start, start + COPY_CHUNK_ROWS)
        .map(copyLine)
        .join("\n")}\n`,
    );
  }
  return { rows, chunks };
});
const { rows, chunks } = preparation.result;
console.log(
  `Load profile: ${metrics.toLocaleString("en-US")} metrics, ${options.instances} instances, ${options.days} days, seed ${options.seed}; median of ${RUNS} (rows and COPY text prepared in ${(preparation.ms / 1000).toFixed(1)} s, untimed)`,
);

const times = { ours: [] as number[], raw: [] as number[], insert: [] as number[] };
for (let run = 1; run <= RUNS; run++) {
  // Interleaved, so that a slow moment of the machine does not fall on one method only.
  times.ours.push(await timeOnFreshDatabase((db) => seedLoadProfile(db, options)));
  times.raw.push(await timeOnFreshDatabase((db) => rawCopy(db, chunks)));
  times.insert.push(await timeOnFreshDatabase((db) => multiRowInsert(db, rows)));
  console.log(
    `  run ${run}: ours ${(times.ours.at(-1) ?? 0).toFixed(0)} ms, raw COPY ${(times.raw.at(-1) ?? 0).toFixed(0)} ms, INSERT ${(times.insert.at(-1) ?? 0).toFixed(0)} ms`,
  );
}

const rate = (ms: number) => metrics / (ms / 1000);
const [ours, raw, insert] = [median(times.ours), median(times.raw), median(times.insert)];
const line = (name: string, ms: number) =>
  `  ${name.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(rate(ms)).toLocaleString("en-US").padStart(9)} rows/s`;
console.log(line("ours (seedLoadProfile, COPY)", ours));
console.log(line("raw COPY of pre-generated text", raw));
console.log(line(`multi-row INSERT (${INSERT_BATCH_ROWS} rows/statement)`, insert));
console.log(`  ours / raw COPY throughput: ${(rate(ours) / rate(raw)).toFixed(2)} (aim ≥ 0.9)`);
console.log(`  ours / INSERT throughput:   ${(rate(ours) / rate(insert)).toFixed(2)}`);
