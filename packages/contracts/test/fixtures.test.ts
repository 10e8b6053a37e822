import { describe, expect, it } from "vitest";
import { demoIds, demoResourceMetrics, demoScalingEvents } from "../src/fixtures/index.js";
import { metricSampleSchema, scalingEventSchema, scalingStateSchema } from "../src/index.js";
import { issuePaths, jsonSchemaAccepts } from "./helpers.js";

const NOW = new Date("2025-10-20T12:00:00.000Z");
const HOUR_MS = 3_600_000;
const metrics = demoResourceMetrics(NOW);
const events = demoScalingEvents(NOW);

// Object.groupBy arrives with Node 21; the engines field allows Node 20.
function groupBy<T>(items: readonly T[], key: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) {
    const group = key(item);
    groups[group] = [...(groups[group] ?? []), item];
  }
  return groups;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(groupBy(items, key)).map(([group, members]) => [group, members.length]),
  );
}

const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const hoursBeforeNow = (iso: string) => (NOW.getTime() - Date.parse(iso)) / HOUR_MS;
const minutesBeforeNow = (iso: string) => (NOW.getTime() - Date.parse(iso)) / 60_000;

describe("demoResourceMetrics (spec §8.4)", () => {
  it("has the 126 metrics in the §8.4 counts", () => {
    expect(metrics).toHaveLength(126);
    expect(countBy(metrics, (m) => m.sample.resource_type)).toEqual({
      gpu: 78,
      cpu: 12,
      memory: 12,
      disk: 12,
      network: 12,
    });
    expect(countBy(metrics, (m) => m.customer_id)).toEqual({
      [demoIds.customers.acme]: 120,
      [demoIds.customers.techstart]: 6,
    });
    expect(countBy(metrics, (m) => m.sample.instance_id)).toEqual({
      "i-0abc123def456": 48,
      "i-0abc123def457": 24,
      "i-0abc123def458": 24,
      "i-0xyz789ghi012": 24,
      "i-techstart001": 6,
    });
    expect(countBy(metrics, (m) => m.sample.metric_name)).toEqual({
      utilization: 54,
      temperature: 36,
      used: 12,
      read_iops: 6,
      write_iops: 6,
      bandwidth_in: 6,
      bandwidth_out: 6,
    });
    expect(new Set(metrics.map((m) => m.agent_id))).toEqual(new Set([demoIds.agents.resource]));
  });

  it("gives the §8.6 GPU utilization count and average per instance", () => {
    const gpuUtilization = metrics.filter(
      (m) => m.sample.resource_type === "gpu" && m.sample.metric_name === "utilization",
    );
    const byInstance = groupBy(gpuUtilization, (m) => m.sample.instance_id);
    const summary = Object.fromEntries(
      Object.entries(byInstance).map(([instance, rows]) => [
        instance,
        [rows.length, average(rows.map((m) => m.sample.value))],
      ]),
    );
    expect(summary).toEqual({
      "i-0abc123def456": [12, 64.25],
      "i-0abc123def457": [12, 63.25],
      "i-0abc123def458": [12, 22.75],
      "i-techstart001": [6, 75.0],
    });
  });

  it("runs S1…S13 in order, each from its first to its last value, hourly up to now", () => {
    const expected: [string, number, number, number][] = [
      ["S1", 12, 45.0, 83.5],
      ["S2", 12, 65.0, 87.0],
      ["S3", 12, 55.0, 71.5],
      ["S4", 12, 20.0, 25.5],
      ["S5", 12, 65.0, 87.0],
      ["S6", 12, 50.0, 83.0],
      ["S7", 6, 1500, 2500],
      ["S8", 6, 800, 1300],
      ["S9", 6, 2500, 4000],
      ["S10", 6, 1800, 2800],
      ["S11", 6, 70.0, 80.0],
      ["S12", 12, 65.0, 76.0],
      ["S13", 12, 65.0, 70.5],
    ];
    expect([...new Set(metrics.map((m) => m.series))]).toEqual(expected.map(([series]) => series));
    for (const [series, points, first, last] of expected) {
      const rows = metrics.filter((m) => m.series === series);
      expect(
        rows.map((m) => hoursBeforeNow(m.sample.timestamp)),
        series,
      ).toEqual(Array.from({ length: points }, (_, i) => points - 1 - i));
      expect([rows[0]?.sample.value, rows.at(-1)?.sample.value], series).toEqual([first, last]);
    }
  });

  it("derives the metadata from each value, rounding half away from zero", () => {
    const metadataOf = (series: string) =>
      metrics.filter((m) => m.series === series).map((m) => m.sample.metadata);
    const used = (series: string) => metadataOf(series).map((metadata) => metadata?.gpu_memory_used_gb);
    expect([used("S1")[0], used("S1").at(-1)]).toEqual([36.0, 66.8]);
    expect([used("S3")[0], used("S3").at(-1)]).toEqual([22.0, 28.6]);
    expect([used("S4")[0], used("S4").at(-1)]).toEqual([8.0, 10.2]);
    const memory = metadataOf("S6").map((metadata) => metadata?.utilization_percent);
    expect([memory[0], memory[6], memory.at(-1)]).toEqual([39.06, 53.13, 64.84]);
    expect(metadataOf("S11")[0]).toEqual({ gpu_model: "NVIDIA A100", gpu_memory_total_gb: 40 });
    expect(metadataOf("S1")[0]).toEqual({
      gpu_model: "NVIDIA H100",
      gpu_memory_total_gb: 80,
      gpu_memory_used_gb: 36,
    });
  });

  it("has four GPU utilizations at now, i-0abc123def456 first by instance id", () => {
    const latest = metrics
      .filter((m) => m.sample.metric_name === "utilization" && m.sample.resource_type === "gpu")
      .filter((m) => m.sample.timestamp === NOW.toISOString())
      .map((m) => [m.sample.instance_id, m.sample.value])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(latest).toEqual([
      ["i-0abc123def456", 83.5],
      ["i-0abc123def457", 71.5],
      ["i-0abc123def458", 25.5],
      ["i-techstart001", 80.0],
    ]);
  });

  it("is a pure function of now", () => {
    expect(demoResourceMetrics(new Date(NOW))).toEqual(metrics);
    const later = demoResourceMetrics(new Date(NOW.getTime() + HOUR_MS));
    expect(later.map((m) => Date.parse(m.sample.timestamp) - HOUR_MS)).toEqual(
      metrics.map((m) => Date.parse(m.sample.timestamp)),
    );
  });

  it("validates under the zod schema and the JSON Schema, also when now is the real clock", () => {
    for (const { sample } of [...metrics, ...demoResourceMetrics(new Date())]) {
      expect(issuePaths(metricSampleSchema, sample)).toBeUndefined();
      expect(jsonSchemaAccepts("metric-sample", sample)).toBe(true);
    }
    expect(jsonSchemaAccepts("metric-batch", { samples: metrics.map((m) => m.sample) })).toBe(true);
  });
});

describe("demoScalingEvents (spec §8.4)", () => {
  const durationSeconds = ({ event }: (typeof events)[number]) =>
    (Date.parse(event.completed_at) - Date.parse(event.executed_at)) / 1000;

  it("has the 8 events, numbered in order, in the §8.4 counts", () => {
    expect(events.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(countBy(events, (e) => `${e.event.event_type}/${e.event.success}`)).toEqual({
      "scale_up/true": 2,
      "scale_up/false": 1,
      "scale_down/true": 2,
      "scale_cancelled/true": 1,
      "auto_scale_triggered/true": 1,
      "manual_scale/true": 1,
    });
    expect(countBy(events, (e) => e.customer_id)).toEqual({
      [demoIds.customers.acme]: 7,
      [demoIds.customers.techstart]: 1,
    });
    expect(events.filter((e) => e.linkedToScalingWorkflow).map((e) => e.number)).toEqual([1]);
    expect(
      events.every((e) => e.agent_id === demoIds.agents.resource && !("workflow_execution_id" in e.event)),
    ).toBe(true);
  });

  it("executes and completes at the §8.4 offsets, event 3 one minute after it starts", () => {
    expect(events.map((e) => minutesBeforeNow(e.event.executed_at))).toEqual([
      360, 240, 120, 90, 510, 720, 1200, 10,
    ]);
    expect(events.map(durationSeconds)).toEqual([900, 600, 60, 120, 900, 600, 300, 300]);
  });

  it("gives the §8.6 average durations", () => {
    const byType = groupBy(events, (e) => e.event.event_type);
    const averages = Object.fromEntries(
      Object.entries(byType).map(([type, rows]) => [type, average(rows.map(durationSeconds))]),
    );
    expect(averages).toEqual({
      scale_up: 440,
      scale_down: 450,
      scale_cancelled: 60,
      auto_scale_triggered: 900,
      manual_scale: 600,
    });
    expect(average(events.map(durationSeconds))).toBe(472.5);
    const latest = events.toSorted(
      (a, b) => Date.parse(b.event.executed_at) - Date.parse(a.event.executed_at),
    )[0];
    expect([latest?.number, latest?.event.trigger_reason, latest && durationSeconds(latest) / 60]).toEqual([
      8,
      "Real-time monitoring: Sudden traffic spike detected",
      5,
    ]);
  });

  it("fails only event 4, with its error details", () => {
    expect(events.filter((e) => e.event.error_details).map((e) => e.number)).toEqual([4]);
    expect(events[3]?.event.error_details).toEqual({
      error_type: "InsufficientCapacity",
      error_message: "No available H100 capacity in us-west-2a",
      attempted_zones: ["us-west-2a", "us-west-2b"],
      suggestion: "Try different instance type or region",
    });
  });

  it("validates under the zod schemas and the JSON Schemas, states included", () => {
    for (const { event } of [...events, ...demoScalingEvents(new Date())]) {
      expect(issuePaths(scalingEventSchema, event)).toBeUndefined();
      expect(jsonSchemaAccepts("scaling-event", event)).toBe(true);
      for (const state of [event.before_state, event.after_state]) {
        expect(issuePaths(scalingStateSchema, state)).toBeUndefined();
        expect(jsonSchemaAccepts("scaling-state", state)).toBe(true);
      }
    }
  });

  it("keeps every state key when parsed", () => {
    const parsed = scalingEventSchema.parse(events[2]?.event);
    expect(parsed.after_state).toEqual({
      instance_count: 4,
      decision: "cancelled",
      reason: "Cost budget limit reached for the month",
    });
    expect(parsed.completed_at).toEqual(new Date(NOW.getTime() - 119 * 60_000));
  });
});
