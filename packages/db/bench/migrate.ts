// Migration time on each backend: `migrate()` against the same SQL sent in one piece, with no bookkeeping and
// no lock (the least any migrator can do), on a fresh database per run. `pnpm --filter @optiinfra/db bench`.
import { cpus } from "node:os";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { OptiInfraDatabase } from "../src/client.js";
import { testDatabaseUrlFromEnv } from "../src/env.js";
import { migrate, migrationsFolder } from "../src/migrate.js";
import { rowsOf } from "../src/sql.js";
import { createTestDatabase } from "../src/testing/database.js";

const RUNS = 5;
const allSql = readMigrationFiles({ migrationsFolder: migrationsFolder() })
  .flatMap((m) => m.sql)
  .join(";\n");

async function rawApply(db: OptiInfraDatabase): Promise<void> {
  if (db.backend === "pglite") await db.$client.exec(allSql);
  else await db.$client.query(allSql);
}

async function timeOnFreshDatabase(
  serverUrl: string | undefined,
  apply: (db: OptiInfraDatabase) => Promise<unknown>,
) {
  const testDb = await createTestDatabase({ serverUrl, migrated: false });
  try {
    const started = performance.now();
    await apply(testDb.db);
    const elapsed = performance.now() - started;
    const [tables] = rowsOf<{ n: number }>(
      await testDb.db.execute(sql`select count(*)::int as n from pg_tables where schemaname = 'public'`),
    );
    if (tables?.n !== 15) throw new Error(`expected 15 tables after migrating, found ${tables?.n}`);
    return elapsed;
  } finally {
    await testDb.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

console.log(
  `machine: ${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}; median of ${RUNS} runs`,
);
const backends: [string, string | undefined][] = [["PGlite", undefined]];
const serverUrl = testDatabaseUrlFromEnv();
if (serverUrl) backends.push(["PostgreSQL", serverUrl]);
else console.log("PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL)");

for (const [name, url] of backends) {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(await timeOnFreshDatabase(url, migrate));
    raw.push(await timeOnFreshDatabase(url, rawApply));
  }
  console.log(
    `${name}: migrate() ${median(ours).toFixed(1)} ms, raw SQL ${median(raw).toFixed(1)} ms, ` +
      `ratio raw/ours ${(median(raw) / median(ours)).toFixed(2)}`,
  );
}
