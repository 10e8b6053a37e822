import { demoSeedPhases } from "@optiinfra/db";
import type { RunResult } from "./run.js";
import { formatCount, formatDecimal, formatFields, formatTable } from "./text.js";

/** Beyond this many instances (a load profile), the per-instance table shows the first ones and says so. */
const MAX_INSTANCE_ROWS = 25;

/**
 * What the run seeded and what the database now holds, as a person reads them: the seed document's validation
 * checklist (spec §8.6), one aligned table per question. (Which database, the clock, the migrations and the load
 * profile's speed were logged as the run went.)
 */
export function formatRunReport(result: RunResult): string {
  const { report } = result;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const yesNo = (success: boolean) => (success ? "yes" : "no");
  const minutes = (seconds: number) => formatDecimal(seconds / 60, 1);

  const phaseRows = result.phases.map((summary) => {
    const inserted = Object.entries(summary.inserted);
    return [
      summary.phase,
      demoSeedPhases.find((phase) => phase.name === summary.phase)?.schemaPhase ?? "",
      formatCount(sum(inserted.map(([, rows]) => rows))),
      inserted.map(([table, rows]) => `${table} ${rows}`).join(", "),
    ];
  });
  const phasesTable = formatTable(
    [
      { header: "phase" },
      { header: "schema" },
      { header: "rows inserted", align: "right" },
      { header: "by table" },
    ],
    phaseRows,
    ["total", "", formatCount(sum(result.phases.flatMap((summary) => Object.values(summary.inserted)))), ""],
  );

  const instances = report.gpuUtilizationByInstance;
  const shownInstances = instances.slice(0, MAX_INSTANCE_ROWS);

  const latest = report.latestGpuUtilization;
  const recent = report.mostRecentScalingEvent;

  const sections: [title: string, lines: string[]][] = [
    ["Seeded (rows this run inserted; 0 where they were already there)", phasesTable],
    [
      "Rows per table",
      formatTable(
        [{ header: "table" }, { header: "rows", align: "right" }],
        report.rowCounts.map((count) => [count.table, formatCount(count.rows)]),
        ["all", formatCount(sum(report.rowCounts.map((count) => count.rows)))],
      ),
    ],
    [
      "Metrics per resource type",
      formatTable(
        [{ header: "resource type" }, { header: "metrics", align: "right" }],
        report.metricsByResourceType.map((row) => [row.resourceType, formatCount(row.metrics)]),
      ),
    ],
    [
      "Scaling events per type and success",
      formatTable(
        [{ header: "event type" }, { header: "success" }, { header: "events", align: "right" }],
        report.scalingEventsByTypeAndSuccess.map((row) => [
          row.eventType,
          yesNo(row.success),
          formatCount(row.events),
        ]),
      ),
    ],
    [
      "GPU utilization per instance",
      [
        ...formatTable(
          [
            { header: "instance" },
            { header: "samples", align: "right" },
            { header: "average %", align: "right" },
          ],
          shownInstances.map((row) => [
            row.instanceId,
            formatCount(row.samples),
            formatDecimal(row.averagePercent, 2),
          ]),
        ),
        ...(shownInstances.length < instances.length
          ? [
              `  … and ${formatCount(instances.length - shownInstances.length)} more instances (--json lists all)`,
            ]
          : []),
      ],
    ],
    [
      "Average duration per event type (completed events)",
      formatTable(
        [
          { header: "event type" },
          { header: "success" },
          { header: "events", align: "right" },
          { header: "average s", align: "right" },
          { header: "average min", align: "right" },
        ],
        report.averageDurationByEventType.map((row) => [
          row.eventType,
          yesNo(row.success),
          formatCount(row.events),
          formatDecimal(row.averageSeconds, 1),
          minutes(row.averageSeconds),
        ]),
      ),
    ],
    [
      "Resource usage per customer",
      formatTable(
        [
          { header: "customer" },
          { header: "metrics", align: "right" },
          { header: "scaling events", align: "right" },
        ],
        report.resourceUsageByCustomer.map((row) => [
          row.customer,
          formatCount(row.metrics),
          formatCount(row.scalingEvents),
        ]),
      ),
    ],
    [
      "Latest",
      formatFields([
        [
          "  GPU utilization",
          latest
            ? `${latest.instanceId} at ${formatDecimal(latest.percent, 2)} % (${latest.timestamp.toISOString()})`
            : "none",
        ],
        [
          "  scaling event",
          recent
            ? `${recent.eventType}, ${recent.success ? "succeeded" : "failed"}, executed ${recent.executedAt.toISOString()}, ${
                recent.durationSeconds === null
                  ? "not completed"
                  : `took ${minutes(recent.durationSeconds)} min`
              }: ${recent.triggerReason}`
            : "none",
        ],
      ]),
    ],
  ];

  return `${sections.map(([title, lines]) => [title, ...lines].join("\n")).join("\n\n")}\n`;
}
