import { afterAll, describe, expect, it } from "vitest";
import { helpText } from "../src/args.js";
import { runCli } from "../src/cli.js";
import { temporaryDirectory } from "./cli-process.js";
import { demoPhaseSummaries, demoRowCounts, expectDemoReportText, fixedNow } from "./demo-expectations.js";

// runCli in this process, with streams that record what it writes; the child-process tests are cli-*.e2e.test.ts.

function recordingStreams(stderrIsTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    streams: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { isTTY: stderrIsTTY, write: (text: string) => err.push(text) },
    },
  };
}

const directory = temporaryDirectory();
afterAll(() => directory.remove());

describe("runCli", () => {
  it("--help: the usage on stdout, exit 0", async () => {
    const { out, err, streams } = recordingStreams();
    expect(await runCli(["--help"], streams)).toBe(0);
    expect(out).toEqual([helpText]);
    expect(err).toEqual([]);
  });

  it("a usage error: one line and the hint on stderr, exit 2", async () => {
    const { out, err, streams } = recordingStreams();
    expect(await runCli(["--now", "noon"], streams)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("")).toMatch(/^seed-runner: --now must be .*\nRun with --help for usage\.\n$/);
  });

  it("a bad URL: exit 1", async () => {
    const { err, streams } = recordingStreams();
    expect(await runCli(["--database-url", "nonsense"], streams)).toBe(1);
    expect(err.join("")).toContain("[invalid_database_url]");
  });

  it("--reset --profile load on PGlite: the logs and the report on stdout, a progress bar on a terminal's stderr", async () => {
    const { out, err, streams } = recordingStreams(true);
    const args = ["--data-dir", directory.path, "--reset", "--now", fixedNow.toISOString()];
    const load = ["--profile", "load", "--metrics", "900", "--instances", "10", "--days", "1"];
    expect(await runCli([...args, ...load], streams)).toBe(0);
    const stdout = out.join("");
    expect(stdout).toContain(`Database: PGlite in ${directory.path}\n`);
    expect(stdout).toContain(
      "Emptying all 15 tables, then seeding core, agent-state, workflow-history, resource-schema",
    );
    expect(stdout).toContain("Load profile: 900 metrics from 10 instances over 1 day, seed 42\n");
    expect(stdout).toMatch(/^Wrote 900 rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
    expect(stdout).toMatch(/^ {2}resource_metrics +1,026$/m);
    expect(stdout).toMatch(/^ {2}total +192$/m);
    const progress = err.join("");
    expect(progress).toMatch(/^\r\[##########\] 100% 900\/900 rows [\d,]+ rows\/s/);
    // Each redraw clears the rest of the line (ESC [ K); the finished bar is ended with a newline.
    expect(progress.endsWith(" rows/s\u001b[K\n")).toBe(true);

    // The same load again replaces its rows; the demo data is left as it is.
    const again = recordingStreams();
    expect(await runCli(["--data-dir", directory.path, "--json", ...load], again.streams)).toBe(0);
    const result = JSON.parse(again.out.join(""));
    expect(result.load).toMatchObject({ rows: 900, replaced: 900 });
    expect(result.phases.map((phase: { phase: string }) => phase.phase)).toEqual(
      demoPhaseSummaries.map((phase) => phase.phase),
    );
    expect(again.err.join("")).toContain("(replacing the 900 rows an earlier load with seed 42 wrote)\n");

    // Without the load: exactly the demo data.
    const reset = recordingStreams();
    expect(
      await runCli(["--data-dir", directory.path, "--reset", "--now", fixedNow.toISOString()], reset.streams),
    ).toBe(0);
    expectDemoReportText(reset.out.join(""), fixedNow);
    expect(reset.out.join("")).toMatch(
      new RegExp(`^ {2}resource_metrics +${demoRowCounts.resource_metrics}$`, "m"),
    );
  });
});
