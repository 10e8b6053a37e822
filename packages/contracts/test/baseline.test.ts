import { describe, expect, it } from "vitest";
import { parseMetricBatchByHand, parseMetricSampleByHand } from "../bench/baseline.js";
import { metricBatchSchema, metricSampleSchema } from "../src/index.js";
import { payloadCases } from "./cases.js";

// The bench compares zod with this hand-written baseline; the comparison is fair only if both apply
// the same rules and produce the same value.
describe("the bench's hand-written baseline", () => {
  const { valid, invalid } = payloadCases["metric-sample"];

  it.each(valid)("parses $name as zod does", ({ input }) => {
    expect(parseMetricSampleByHand(input)).toEqual(metricSampleSchema.parse(input));
  });

  it.each(invalid)("rejects $name as zod does", ({ input }) => {
    expect(parseMetricSampleByHand(input)).toBeUndefined();
  });

  // The baseline checks the samples of a batch, not its agent and customer ids.
  const { valid: validBatches, invalid: invalidBatches } = payloadCases["metric-batch"];
  const sampleBatches = invalidBatches.filter(({ path }) => path.startsWith("samples"));

  it.each(validBatches)("parses the batch with $name as zod does", ({ input }) => {
    expect(parseMetricBatchByHand(input)).toEqual(metricBatchSchema.parse(input).samples);
  });

  it.each(sampleBatches)("rejects the batch with $name as zod does", ({ input }) => {
    expect(parseMetricBatchByHand(input)).toBeUndefined();
  });
});
