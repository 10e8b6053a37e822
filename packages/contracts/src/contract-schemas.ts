import * as z from "zod";
import { buildHeartbeatSchema } from "./heartbeat.js";
import { type ClockOptions, instantSchema } from "./instant.js";
import { buildMetricBatchSchema, buildMetricSampleSchema } from "./metric-sample.js";
import { buildScalingEventSchema } from "./scaling-event.js";

/**
 * Builds the payload schemas around one clock. Every reported instant is held to the same
 * future-skew bound, so a receiver with a different tolerance, or a test with a fixed clock,
 * builds its own set; everyone else uses the defaults exported below.
 */
export function createContractSchemas(clock: ClockOptions = {}) {
  const instant = instantSchema(clock);
  const metricSampleSchema = buildMetricSampleSchema(instant);
  // z.compile adds a generated fast path for valid input and falls back to the ordinary parser, with
  // the very same issues, for invalid input: several times the throughput on a batch of samples.
  return {
    metricSampleSchema: z.compile(metricSampleSchema),
    metricBatchSchema: z.compile(buildMetricBatchSchema(metricSampleSchema)),
    scalingEventSchema: z.compile(buildScalingEventSchema(instant)),
    heartbeatSchema: z.compile(buildHeartbeatSchema(instant)),
  };
}

export type ContractSchemas = ReturnType<typeof createContractSchemas>;

export const { metricSampleSchema, metricBatchSchema, scalingEventSchema, heartbeatSchema } =
  createContractSchemas();

export type MetricSample = z.infer<typeof metricSampleSchema>;
export type MetricSampleInput = z.input<typeof metricSampleSchema>;
export type MetricBatch = z.infer<typeof metricBatchSchema>;
export type MetricBatchInput = z.input<typeof metricBatchSchema>;
export type ScalingEvent = z.infer<typeof scalingEventSchema>;
export type ScalingEventInput = z.input<typeof scalingEventSchema>;
export type Heartbeat = z.infer<typeof heartbeatSchema>;
export type HeartbeatInput = z.input<typeof heartbeatSchema>;
