import type { DatabaseReport, PhaseSummary } from "@optiinfra/db";
import { expect } from "vitest";

// The demo data set as spec/schema.md §8.5 (totals) and §8.6 (answers to the validation queries) give it.

export const fixedNow = new Date("2026-10-20T12:00:00.000Z");
const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** §8.5: rows per table after all four phases; 192 in all. */
export const demoRowCounts: Record<string, number> = {
  customers: 3,
  agents: 5,
  events: 3,
  recommendations: 3,
  approvals: 0,
  optimizations: 0,
  agent_configs: 6,
  agent_states: 4,
  agent_capabilities: 6,
  agent_metrics: 6,
  workflow_executions: 4,
  workflow_steps: 12,
  workflow_artifacts: 6,
  resource_metrics: 126,
  scaling_events: 8,
};

/** What each phase inserts into a fresh database: 14, 22, 21 and 135 rows. */
export const demoPhaseSummaries: PhaseSummary[] = [
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
];

export const nothingInserted: PhaseSummary[] = demoPhaseSummaries.map((summary) => ({
  phase: summary.phase,
  inserted: Object.fromEntries(Object.keys(summary.inserted).map((table) => [table, 0])),
}));

/** §8.6, in the shape of `readDatabaseReport`, for a database seeded at `now`. */
export function demoReport(now: Date): DatabaseReport {
  return {
    rowCounts: Object.entries(demoRowCounts).map(([table, rows]) => ({ table, rows })),
    metricsByResourceType: [
      { resourceType: "gpu", metrics: 78 },
      { resourceType: "cpu", metrics: 12 },
      { resourceType: "memory", metrics: 12 },
      { resourceType: "disk", metrics: 12 },
      { resourceType: "network", metrics: 12 },
    ],
    scalingEventsByTypeAndSuccess: [
      { eventType: "scale_up", success: true, events: 2 },
      { eventType: "scale_up", success: false, events: 1 },
      { eventType: "scale_down", success: true, events: 2 },
      { eventType: "auto_scale_triggered", success: true, events: 1 },
      { eventType: "manual_scale", success: true, events: 1 },
      { eventType: "scale_cancelled", success: true, events: 1 },
    ],
    gpuUtilizationByInstance: [
      { instanceId: "i-0abc123def456", samples: 12, averagePercent: 64.25 },
      { instanceId: "i-0abc123def457", samples: 12, averagePercent: 63.25 },
      { instanceId: "i-0abc123def458", samples: 12, averagePercent: 22.75 },
      { instanceId: "i-techstart001", samples: 6, averagePercent: 75.0 },
    ],
    // §8.6 gives minutes: scale_up/true 10.0, scale_up/false 2.0, scale_down 7.5, auto_scale 15.0, manual 10.0,
    // scale_cancelled 1.0.
    averageDurationByEventType: [
      { eventType: "scale_up", success: true, events: 2, averageSeconds: 600 },
      { eventType: "scale_up", success: false, events: 1, averageSeconds: 120 },
      { eventType: "scale_down", success: true, events: 2, averageSeconds: 450 },
      { eventType: "auto_scale_triggered", success: true, events: 1, averageSeconds: 900 },
      { eventType: "manual_scale", success: true, events: 1, averageSeconds: 600 },
      { eventType: "scale_cancelled", success: true, events: 1, averageSeconds: 60 },
    ],
    resourceUsageByCustomer: [
      { customer: "Acme Corp", metrics: 120, scalingEvents: 7 },
      { customer: "Demo Customer", metrics: 0, scalingEvents: 0 },
      { customer: "TechStart Inc", metrics: 6, scalingEvents: 1 },
    ],
    latestGpuUtilization: { instanceId: "i-0abc123def456", percent: 83.5, timestamp: now },
    mostRecentScalingEvent: {
      eventType: "scale_up",
      success: true,
      triggerReason: "Real-time monitoring: Sudden traffic spike detected",
      executedAt: minutesBefore(now, 10),
      durationSeconds: 300,
    },
  };
}

/** `T` after a round trip through JSON: dates become ISO strings. */
export type JsonOf<T> = T extends Date ? string : T extends object ? { [K in keyof T]: JsonOf<T[K]> } : T;
export type ReportJson = JsonOf<DatabaseReport>;

/** Rows per table as a map, so a check does not depend on the order the tables come in. */
export function rowCountsOf(report: Pick<ReportJson, "rowCounts">): Record<string, number> {
  return Object.fromEntries(report.rowCounts.map((count) => [count.table, count.rows]));
}

export function totalRowsOf(report: Pick<ReportJson, "rowCounts">): number {
  return report.rowCounts.reduce((sum, count) => sum + count.rows, 0);
}

/** A `--json` report (dates as ISO strings) holds exactly the demo data seeded at `now`. */
export function expectDemoReportJson(report: ReportJson, now: Date): void {
  const expected = JSON.parse(JSON.stringify(demoReport(now))) as ReportJson;
  expect(rowCountsOf(report)).toEqual(demoRowCounts);
  expect(totalRowsOf(report)).toBe(192);
  expect({ ...report, rowCounts: [] }).toEqual({ ...expected, rowCounts: [] });
}

/** The human report shows the §8.5/§8.6 answers, in aligned tables. */
export function expectDemoReportText(stdout: string, now: Date): void {
  const lines = [
    /^ {2}all +192$/,
    /^ {2}resource_metrics +126$/,
    /^ {2}scaling_events +8$/,
    /^ {2}core +0\.2a +14 +customers 3, agents 5, events 3, recommendations 3$/,
    /^ {2}resource-schema +0\.2d +135 /,
    /^ {2}total +192$/,
    /^ {2}gpu +78$/,
    /^ {2}cpu +12$/,
    /^ {2}memory +12$/,
    /^ {2}disk +12$/,
    /^ {2}network +12$/,
    /^ {2}scale_up +yes +2$/,
    /^ {2}scale_up +no +1$/,
    /^ {2}i-0abc123def456 +12 +64\.25$/,
    /^ {2}i-0abc123def457 +12 +63\.25$/,
    /^ {2}i-0abc123def458 +12 +22\.75$/,
    /^ {2}i-techstart001 +6 +75\.00$/,
    /^ {2}scale_up +yes +2 +600\.0 +10\.0$/,
    /^ {2}scale_up +no +1 +120\.0 +2\.0$/,
    /^ {2}scale_down +yes +2 +450\.0 +7\.5$/,
    /^ {2}auto_scale_triggered +yes +1 +900\.0 +15\.0$/,
    /^ {2}manual_scale +yes +1 +600\.0 +10\.0$/,
    /^ {2}scale_cancelled +yes +1 +60\.0 +1\.0$/,
    /^ {2}Acme Corp +120 +7$/,
    new RegExp(`^ {2}GPU utilization +i-0abc123def456 at 83\\.50 % \\(${now.toISOString()}\\)$`),
    new RegExp(
      `^ {2}scaling event +scale_up, succeeded, executed ${minutesBefore(now, 10).toISOString()}, took 5\\.0 min: Real-time monitoring: Sudden traffic spike detected$`,
    ),
  ];
  const output = stdout.split("\n");
  for (const line of lines) expect(output, String(line)).toContainEqual(expect.stringMatching(line));
}
