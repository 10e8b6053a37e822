import { describe, expect, it } from "vitest";
import * as z from "zod";
import { buildHeartbeatSchema } from "../src/heartbeat.js";
import { instantSchema } from "../src/instant.js";
import { buildMetricBatchSchema, buildMetricSampleSchema } from "../src/metric-sample.js";
import { buildScalingEventSchema } from "../src/scaling-event.js";

// createContractSchemas compiles quietly, falling back to the slower parser for a schema zod cannot
// compile; this keeps a change to the schemas from losing the fast path unnoticed.
describe("every payload schema", () => {
  it("compiles to zod's fast path", () => {
    const instant = instantSchema();
    const sample = buildMetricSampleSchema(instant);
    for (const schema of [
      sample,
      buildMetricBatchSchema(sample),
      buildScalingEventSchema(instant),
      buildHeartbeatSchema(instant),
    ]) {
      expect(() => z.compile(schema, { strict: true })).not.toThrow();
    }
  });
});
