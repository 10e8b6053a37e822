import { describe, expect, it } from "vitest";
import { formatRunReport } from "../src/report-format.js";
import type { RunResult } from "../src/run.js";
import { demoPhaseSummaries, demoReport, expectDemoReportText, fixedNow } from "./demo-expectations.js";

const demoRun: RunResult = {
  database: { backend: "pglite", location: "/tmp/data" },
  now: fixedNow,
  migrations: { applied: ["0000_core_schema"] },
  phases: demoPhaseSummaries,
  report: demoReport(fixedNow),
};

describe("formatRunReport", () => {
  it("answers the seed document's validation checklist (spec §8.5, §8.6) in aligned tables", () => {
    const text = formatRunReport(demoRun);
    expectDemoReportText(text, fixedNow);
    expect(text).toContain(
      [
        "Metrics per resource type",
        "  resource type  metrics",
        "  -------------  -------",
        "  gpu                 78",
        "  cpu                 12",
        "  memory              12",
        "  disk                12",
        "  network             12",
      ].join("\n"),
    );
  });

  it("says none where the database has no metric or event yet", () => {
    const text = formatRunReport({
      ...demoRun,
      phases: [demoPhaseSummaries[0] ?? { phase: "core", inserted: {} }],
      report: {
        ...demoRun.report,
        metricsByResourceType: [],
        latestGpuUtilization: null,
        mostRecentScalingEvent: null,
      },
    });
    expect(text).toContain(
      "Metrics per resource type\n  resource type  metrics\n  -------------  -------\n  (none)\n",
    );
    expect(text).toMatch(/^ {2}GPU utilization +none$/m);
    expect(text).toMatch(/^ {2}scaling event +none$/m);
    expect(text).toMatch(/^ {2}total +14$/m);
  });

  it("marks a scaling event that has not completed", () => {
    const recent = demoRun.report.mostRecentScalingEvent;
    if (!recent) throw new Error("the demo report has a most recent event");
    const text = formatRunReport({
      ...demoRun,
      report: {
        ...demoRun.report,
        mostRecentScalingEvent: { ...recent, success: false, durationSeconds: null },
      },
    });
    expect(text).toMatch(/scaling event +scale_up, failed, executed .*, not completed: Real-time monitoring/);
  });

  it("shows the first 25 instances of a load profile and says how many more there are", () => {
    const instances = Array.from({ length: 30 }, (_, i) => ({
      instanceId: `i-load-42-${String(i + 1).padStart(4, "0")}`,
      samples: 1_000,
      averagePercent: 50,
    }));
    const text = formatRunReport({
      ...demoRun,
      report: { ...demoRun.report, gpuUtilizationByInstance: instances },
    });
    expect(text).toMatch(/^ {2}i-load-42-0025 +1,000 +50\.00$/m);
    expect(text).not.toContain("i-load-42-0026");
    expect(text).toContain("  … and 5 more instances (--json lists all)");
  });
});
