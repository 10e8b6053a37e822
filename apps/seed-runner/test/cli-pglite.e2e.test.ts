import { existsSync } from "node:fs";
import { join } from "node:path";
import { createDb, readDatabaseReport } from "@optiinfra/db";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE_NAME } from "../src/data-dir-lock.js";
import { runCli, runCliJson, startCli, temporaryDirectory } from "./cli-process.js";
import {
  demoPhaseSummaries,
  demoRowCounts,
  expectDemoReportJson,
  expectDemoReportText,
  fixedNow,
  nothingInserted,
  rowCountsOf,
} from "./demo-expectations.js";

// The CLI as a child process on embedded PGlite, each test in a temporary directory of its own.

const now = fixedNow.toISOString();
const temporaryDirectories: { remove(): void }[] = [];
function workingDirectory(): string {
  const directory = temporaryDirectory();
  temporaryDirectories.push(directory);
  return directory.path;
}
afterAll(() => {
  for (const directory of temporaryDirectories) directory.remove();
});

describe("one PGlite data directory, run after run", () => {
  // The user's directory (INIT_CWD, as pnpm sets it): the default data directory goes under it.
  const userDirectory = workingDirectory();
  const dataDir = join(userDirectory, ".optiinfra", "pglite");
  const env = { INIT_CWD: userDirectory };

  it("a fresh run without options migrates, seeds every phase into <cwd>/.optiinfra/pglite and prints the §8.5/§8.6 report", async () => {
    const run = await runCli(["--now", now], env);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Database: PGlite in ${dataDir}\n`);
    expect(run.stdout).toContain(
      "Migrations: applied 0000_core_schema, 0001_agent_state, 0002_workflow_history, 0003_resource_schema\n",
    );
    expectDemoReportText(run.stdout, fixedNow);
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it("a second run migrates nothing, inserts nothing, and every count stays the same (--json shape)", async () => {
    const run = await runCli(["--now", "2026-11-01T00:00:00Z", "--json"], env);
    expect(run.exitCode).toBe(0);
    // stdout is the one JSON document; the logs went to stderr.
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["database", "now", "migrations", "phases", "report"]);
    expect(result.database).toEqual({ backend: "pglite", location: dataDir });
    expect(result.now).toBe("2026-11-01T00:00:00.000Z");
    expect(result.migrations).toEqual({ applied: [] });
    expect(result.phases).toEqual(nothingInserted);
    // The rows keep the clock of the run that inserted them.
    expectDemoReportJson(result.report, fixedNow);
    expect(run.stderr).toContain(`Database: PGlite in ${dataDir}\nMigrations: up to date\n`);
  });

  it("--reset empties every table first, so every phase inserts its rows again", async () => {
    const result = await runCliJson(["--reset", "--now", now], env);
    expect(result.phases).toEqual(demoPhaseSummaries);
    expectDemoReportJson(result.report, fixedNow);
    expect(result.stderr).toContain("Emptying all 15 tables, then seeding core, agent-state");
  });

  it("--profile load adds the synthetic metrics with progress lines and rows/s", async () => {
    const result = await runCliJson(
      [
        "--profile",
        "load",
        "--metrics",
        "20000",
        "--instances",
        "5",
        "--days",
        "1",
        "--seed",
        "7",
        "--now",
        now,
      ],
      env,
    );
    expect(result.load).toMatchObject({
      metrics: 20_000,
      instances: 5,
      days: 1,
      seed: 7,
      rows: 20_000,
      replaced: 0,
    });
    expect(result.load?.rowsPerSecond).toBeGreaterThan(0);
    expect(rowCountsOf(result.report)).toEqual({ ...demoRowCounts, resource_metrics: 126 + 20_000 });
    expect(result.phases).toEqual(nothingInserted);
    // Not a terminal: a line per tenth (chunks are 10,000 rows, so two here), then the summary.
    expect(result.stderr).toContain("[#####-----] 50% 10,000/20,000 rows ");
    expect(result.stderr).toContain("[##########] 100% 20,000/20,000 rows ");
    expect(result.stderr).toMatch(/^Wrote 20,000 rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
  });
});

describe("PGlite runs on fresh data directories", () => {
  it("--now gives byte-identical data: two fresh directories, the same --json report", async () => {
    const [first, second] = await Promise.all(
      [workingDirectory(), workingDirectory()].map((directory) =>
        runCliJson(["--data-dir", directory, "--now", "2026-10-20T14:00:00+02:00"], { INIT_CWD: directory }),
      ),
    );
    expect(first?.now).toBe(now);
    expect(JSON.stringify(first?.report)).toBe(JSON.stringify(second?.report));
    expect(first?.phases).toEqual(demoPhaseSummaries);
    expectDemoReportJson(first?.report ?? ({} as never), fixedNow);
  });

  it("--phase agent-state without its prerequisites fails, says to run core first, and writes nothing", async () => {
    const directory = workingDirectory();
    const run = await runCli(["--data-dir", "pglite", "--phase", "agent-state"], { INIT_CWD: directory });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^seed-runner: Phase "agent-state" needs .* from phase "core", which is not in the database\. Run phase "core" first\. \[seed_prerequisite_missing\]\n$/,
    );
    const db = await createDb({ dataDir: join(directory, "pglite") });
    try {
      const counts = rowCountsOf(await readDatabaseReport(db));
      expect(Object.values(counts).every((rows) => rows === 0)).toBe(true);
      expect(Object.keys(counts).sort()).toEqual(Object.keys(demoRowCounts).sort());
    } finally {
      await db.close();
    }
  });

  it("a second run on a data directory in use fails at once and the first completes", async () => {
    const directory = workingDirectory();
    const first = startCli(["--data-dir", directory, "--now", now, "--json"], { INIT_CWD: directory });
    const lockFile = join(directory, LOCK_FILE_NAME);
    while (!existsSync(lockFile)) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await runCli(["--data-dir", directory, "--now", now], { INIT_CWD: directory });
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toContain(
      `seed-runner: The PGlite data directory ${directory} is in use by process ${first.pid}, and PGlite cannot share it.`,
    );
    const firstRun = await first.done;
    expect(firstRun.exitCode).toBe(0);
    expectDemoReportJson(JSON.parse(firstRun.stdout).report, fixedNow);
  });
});
