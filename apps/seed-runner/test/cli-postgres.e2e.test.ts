import { readDatabaseReport, testDatabaseUrlFromEnv } from "@optiinfra/db";
import { createTestDatabase, type TestDatabase } from "@optiinfra/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { isLocalDatabase } from "../src/database-target.js";
import { runCli, runCliJson } from "./cli-process.js";
import {
  demoPhaseSummaries,
  demoRowCounts,
  expectDemoReportJson,
  expectDemoReportText,
  fixedNow,
  nothingInserted,
  rowCountsOf,
  totalRowsOf,
} from "./demo-expectations.js";

// The CLI as a child process on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL), each test on a throwaway
// database of its own, created empty and unmigrated.

const serverUrl = testDatabaseUrlFromEnv();
const now = fixedNow.toISOString();

describe.runIf(serverUrl)("on PostgreSQL", () => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => {
    await testDb?.close();
    testDb = undefined;
  });
  async function freshDatabaseUrl(): Promise<string> {
    testDb = await createTestDatabase({ serverUrl, migrated: false });
    if (!testDb.url) throw new Error("a PostgreSQL test database has a URL");
    return testDb.url;
  }
  const totalRows = async () => totalRowsOf(await readDatabaseReport(testDb?.db ?? never()));

  it("a fresh run migrates, seeds every phase and prints the §8.5/§8.6 report", async () => {
    const url = await freshDatabaseUrl();
    const run = await runCli(["--database-url", url, "--now", now]);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Database: PostgreSQL at ${url}\n`);
    expect(run.stdout).toContain("Migrations: applied 0000_core_schema, 0001_agent_state");
    expectDemoReportText(run.stdout, fixedNow);
  });

  it("a second run (DATABASE_URL from the environment) inserts nothing and changes no count", async () => {
    const url = await freshDatabaseUrl();
    await runCliJson(["--now", now], { DATABASE_URL: url });
    const second = await runCliJson(["--now", "2026-11-01T00:00:00Z"], { DATABASE_URL: url });
    expect(second.database).toEqual({ backend: "postgres", location: url });
    expect(second.migrations).toEqual({ applied: [] });
    expect(second.phases).toEqual(nothingInserted);
    expectDemoReportJson(second.report, fixedNow);
  });

  it("--phase resource-schema without its prerequisites fails, says to run core first, and writes nothing", async () => {
    const url = await freshDatabaseUrl();
    const run = await runCli(["--database-url", url, "--phase", "resource-schema"]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toContain("Seeded");
    expect(run.stderr).toMatch(
      /^seed-runner: Phase "resource-schema" needs .* from phase "core", which is not in the database\. Run phase "core" first\. \[seed_prerequisite_missing\]\n$/,
    );
    expect(await totalRows()).toBe(0);
  });

  it("--phase core then --phase resource-schema: each phase alone, in order", async () => {
    const url = await freshDatabaseUrl();
    const core = await runCliJson(["--database-url", url, "--phase", "core", "--now", now]);
    expect(core.phases).toEqual([demoPhaseSummaries[0]]);
    const resource = await runCliJson(["--database-url", url, "--phase", "resource-schema", "--now", now]);
    expect(resource.phases).toEqual([demoPhaseSummaries[3]]);
    expect(await totalRows()).toBe(14 + 135);
  });

  it("--reset empties every table first, so every phase inserts its rows again", async () => {
    const url = await freshDatabaseUrl();
    await runCliJson(["--database-url", url, "--now", now]);
    // --reset of a server that is not on this machine also needs --force (tested in database-target.test.ts).
    const force = isLocalDatabase({ backend: "postgres", url }) ? [] : ["--force"];
    const reset = await runCliJson(["--database-url", url, "--reset", ...force, "--now", now]);
    expect(reset.phases).toEqual(demoPhaseSummaries);
    expectDemoReportJson(reset.report, fixedNow);
  });

  it("two concurrent runs on one database both succeed, and the data is that of one run", async () => {
    const url = await freshDatabaseUrl();
    const runs = await Promise.all([1, 2].map(() => runCliJson(["--database-url", url, "--now", now])));
    const inserted = runs.flatMap((run) => run.phases.flatMap((phase) => Object.values(phase.inserted)));
    expect(inserted.reduce((sum, rows) => sum + rows, 0)).toBe(192);
    for (const run of runs) expectDemoReportJson(run.report, fixedNow);
    expect(rowCountsOf(await readDatabaseReport(testDb?.db ?? never()))).toEqual(demoRowCounts);
  });

  it("--profile load writes through COPY, and a rerun with the same seed replaces its rows", async () => {
    const url = await freshDatabaseUrl();
    const args = [
      "--database-url",
      url,
      "--profile",
      "load",
      "--metrics",
      "30000",
      "--instances",
      "20",
      "--now",
      now,
    ];
    const first = await runCliJson(args);
    expect(first.load).toMatchObject({
      metrics: 30_000,
      instances: 20,
      days: 7,
      seed: 42,
      rows: 30_000,
      replaced: 0,
    });
    expect(first.stderr).toMatch(/^\[###-------\] 33% 10,000\/30,000 rows [\d,]+ rows\/s$/m);
    expect(first.stderr).toMatch(/^Wrote 30,000 rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
    const second = await runCliJson(args);
    expect(second.load).toMatchObject({ rows: 30_000, replaced: 30_000 });
    expect(rowCountsOf(second.report).resource_metrics).toBe(126 + 30_000);
  });
});

function never(): never {
  throw new Error("unreachable: the database is open");
}
