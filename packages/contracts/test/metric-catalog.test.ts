import { describe, expect, it } from "vitest";
import { findMetricDefinition, metricCatalog, resourceTypeSchema } from "../src/index.js";

describe("metricCatalog", () => {
  it("has every metric the seed data and the resource agent use, with its unit and range", () => {
    const summary = Object.fromEntries(
      Object.entries(metricCatalog).map(([type, metrics]) => [
        type,
        Object.fromEntries(
          Object.entries(metrics).map(([name, definition]) => [
            name,
            [definition.units.join("|"), definition.min, "max" in definition ? definition.max : "∞"],
          ]),
        ),
      ]),
    );
    expect(summary).toEqual({
      gpu: {
        utilization: ["percent", 0, 100],
        memory_used: ["GB|MB", 0, "∞"],
        memory_total: ["GB|MB", 0, "∞"],
        temperature: ["celsius", -50, 150],
        power_draw: ["W", 0, "∞"],
      },
      cpu: { utilization: ["percent", 0, 100] },
      memory: { used: ["GB|MB", 0, "∞"], utilization: ["percent", 0, 100] },
      disk: {
        read_iops: ["iops", 0, "∞"],
        write_iops: ["iops", 0, "∞"],
        read_bytes: ["B/s|MB/s", 0, "∞"],
        write_bytes: ["B/s|MB/s", 0, "∞"],
      },
      network: { bandwidth_in: ["Mbps", 0, "∞"], bandwidth_out: ["Mbps", 0, "∞"] },
    });
  });

  it("maps each metric to its OpenTelemetry name, and says where OTel uses a ratio", () => {
    expect(metricCatalog.cpu.utilization.otel).toMatchObject({ name: "system.cpu.utilization", unit: "1" });
    expect(metricCatalog.gpu.utilization.otel).toMatchObject({ name: "hw.gpu.utilization", unit: "1" });
    for (const metrics of Object.values(metricCatalog)) {
      for (const definition of Object.values(metrics)) {
        expect(definition.otel.name).toMatch(/^(system|hw)\.[a-z_.]+$/);
        expect(definition.description).not.toBe("");
        if (definition.otel.unit === "1") expect(definition.otel.note).toMatch(/0–1 ratio/);
      }
    }
  });

  it("covers every resource type", () => {
    expect(Object.keys(metricCatalog)).toEqual(resourceTypeSchema.options);
  });
});

describe("findMetricDefinition", () => {
  it("finds catalogued metrics only, never Object.prototype's members", () => {
    expect(findMetricDefinition("gpu", "temperature")).toBe(metricCatalog.gpu.temperature);
    expect(findMetricDefinition("cpu", "temperature")).toBeUndefined();
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      expect(findMetricDefinition("gpu", name)).toBeUndefined();
    }
  });
});
