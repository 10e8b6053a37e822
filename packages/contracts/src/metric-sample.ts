import * as z from "zod";
import { resourceTypeSchema } from "./enums.js";
import { boundedString, idSchema, instanceIdSchema } from "./fields.js";
import type { InstantSchema } from "./instant.js";
import { jsonObjectSchema } from "./json-object.js";
import { findMetricDefinition, type MetricDefinition, metricCatalog } from "./metric-catalog.js";

export const METRIC_BATCH_MAX_SAMPLES = 5000;

/** Lower snake_case words, optionally dotted into namespaces: `utilization`, `vllm.kv_cache.hit_rate`. */
const METRIC_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

function describeRange({ min, max, units }: MetricDefinition): string {
  return max === undefined ? `at least ${min} ${units[0]}` : `between ${min} and ${max} ${units[0]}`;
}

/** The catalogue's rules as JSON Schema conditionals, so validators in other languages apply them too. */
function catalogJsonSchemaRules() {
  return Object.entries(metricCatalog).flatMap(([resourceType, definitions]) =>
    Object.entries(definitions).map(([metricName, definition]: [string, MetricDefinition]) => ({
      if: {
        properties: { resource_type: { const: resourceType }, metric_name: { const: metricName } },
        required: ["resource_type", "metric_name"],
      },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
      then: {
        properties: {
          unit: { enum: [...definition.units] },
          value: {
            minimum: definition.min,
            ...(definition.max === undefined ? {} : { maximum: definition.max }),
          },
        },
      },
    })),
  );
}

export function buildMetricSampleSchema(instant: InstantSchema) {
  return z
    .object({
      instance_id: instanceIdSchema,
      resource_type: resourceTypeSchema,
      metric_name: boundedString(100, "must be a metric name such as utilization").regex(METRIC_NAME, {
        error: "must be lower snake_case words, optionally joined by dots",
        abort: true,
      }),
      value: z.number({ error: "must be a finite number (not a string, NaN or Infinity)" }),
      unit: boundedString(50, "must be a unit such as percent"),
      timestamp: instant,
      metadata: jsonObjectSchema.optional(),
    })
    .superRefine((sample, ctx) => {
      const definition = findMetricDefinition(sample.resource_type, sample.metric_name);
      if (!definition) return;
      if (!definition.units.includes(sample.unit)) {
        ctx.addIssue({
          code: "custom",
          path: ["unit"],
          message: `"${sample.unit}" is not a unit of ${sample.resource_type} ${sample.metric_name}; use ${definition.units.join(" or ")}`,
        });
      }
      const { min, max = Number.POSITIVE_INFINITY } = definition;
      if (sample.value < min || sample.value > max) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `${sample.value} is out of range for ${sample.resource_type} ${sample.metric_name}: must be ${describeRange(definition)}`,
        });
      }
    })
    .meta({
      title: "Metric sample",
      description: "One measurement of one metric of one cloud instance.",
      allOf: catalogJsonSchemaRules(),
    });
}

export function buildMetricBatchSchema(sample: ReturnType<typeof buildMetricSampleSchema>) {
  return z
    .object({
      samples: z
        .array(sample, { error: "must be an array of metric samples" })
        .min(1, { error: "must hold at least 1 sample" })
        .max(METRIC_BATCH_MAX_SAMPLES, {
          error: `must hold at most ${METRIC_BATCH_MAX_SAMPLES} samples; split the batch`,
        }),
      agent_id: idSchema.optional(),
      customer_id: idSchema.optional(),
    })
    .meta({ title: "Metric batch", description: "The samples one agent sends in one request." });
}
