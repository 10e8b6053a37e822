// Demo seed wall time: migrate + all four phases (as the CLI seeds them: one transaction) into a fresh database,
// median of 5, on PGlite (in memory) and on PostgreSQL (a throwaway database per run); and the whole
// `seed-runner` command — process start, opening the database, migrate, seed, report — on a fresh database,
// median of 3, which is what a new user waits for. `pnpm --filter seed-runner bench`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoSeedPhases, migrate, readDatabaseReport, testDatabaseUrlFromEnv } from "@optiinfra/db";
import { createTestDatabase } from "@optiinfra/db/testing";
import { seedPhases } from "../src/run.js";
import { machineLine, median, timed } from "./support.js";

const RUNS = 5;
const CLI_RUNS = 3;
const now = new Date("2026-10-20T12:00:00.000Z");
const packageDir = fileURLToPath(new URL("..", import.meta.url));

async function seedFreshDatabase(serverUrl: string | undefined) {
  const testDb = await createTestDatabase({ serverUrl, migrated: false });
  try {
    const migration = await timed(() => migrate(testDb.db));
    const seeding = await timed(() => seedPhases(testDb.db, demoSeedPhases, { reset: false, now }));
    const rows = (await readDatabaseReport(testDb.db)).rowCounts.reduce((sum, count) => sum + count.rows, 0);
    if (rows !== 192) throw new Error(`expected 192 rows after seeding, found ${rows}`);
    return { migrate: migration.ms, seed: seeding.ms };
  } finally {
    await testDb.close();
  }
}

/** The CLI from its sources (as the tests run it) in a process of its own, on the database `args` name. */
function cliWallTime(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/main.ts", ...args, "--now", now.toISOString()],
    {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: undefined },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`seed-runner exited ${code}`)),
    );
  });
}

async function cliOnFreshDatabase(serverUrl: string | undefined): Promise<number> {
  if (serverUrl === undefined) {
    const directory = mkdtempSync(join(tmpdir(), "seed-runner-bench-"));
    try {
      return await cliWallTime(["--data-dir", join(directory, "pglite")]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  const testDb = await createTestDatabase({ serverUrl, migrated: false });
  try {
    return await cliWallTime(["--database-url", testDb.url ?? ""]);
  } finally {
    await testDb.close();
  }
}

console.log(machineLine());
const backends: [string, string | undefined][] = [["PGlite", undefined]];
const serverUrl = testDatabaseUrlFromEnv();
if (serverUrl) backends.push(["PostgreSQL", serverUrl]);
else console.log("PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL)");

console.log(`\nDemo seed into a fresh database (192 rows), median of ${RUNS}:`);
for (const [name, url] of backends) {
  const runs: { migrate: number; seed: number }[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await seedFreshDatabase(url));
  const [migrateMs, seedMs, totalMs] = [
    median(runs.map((r) => r.migrate)),
    median(runs.map((r) => r.seed)),
    median(runs.map((r) => r.migrate + r.seed)),
  ];
  console.log(
    `  ${name.padEnd(10)}  migrate ${migrateMs.toFixed(0).padStart(5)} ms  seed ${seedMs.toFixed(0).padStart(5)} ms  together ${totalMs.toFixed(0).padStart(5)} ms`,
  );
}

console.log(`\nThe whole command on a fresh database (process start to exit), median of ${CLI_RUNS}:`);
for (const [name, url] of backends) {
  const runs: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) runs.push(await cliOnFreshDatabase(url));
  console.log(`  ${name.padEnd(10)}  ${(median(runs) / 1000).toFixed(2)} s`);
}
