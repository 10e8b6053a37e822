import * as z from "zod";
import {
  DEFAULT_MAX_FUTURE_SKEW_MS,
  findMetricDefinition,
  METRIC_BATCH_MAX_SAMPLES,
  type MetricSample,
  type ResourceType,
} from "../src/index.js";
import { isoDateTimeToEpochMs } from "../src/instant.js";
import { findJsonObjectIssue, type JsonObject } from "../src/json-object.js";

// The rules of metricSampleSchema written out by hand, the way a service without a schema library would:
// the yardstick zod is measured against. It shares the building blocks that are not zod's doing (the
// date-time regex, the date conversion, the metadata walk, the catalogue) and builds the same output,
// so the ratio measures what zod's machinery itself costs.

const RESOURCE_TYPES = new Set<string>(["gpu", "cpu", "memory", "disk", "network"]);
const CLOUD_ID = /^[A-Za-z0-9._:/-]+$/;
const METRIC_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const ISO_DATE_TIME = z.regexes.datetime({ offset: true });
const MAX_EPOCH_MS = 8.64e15;

function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length >= 1 && value.length <= max;
}

function toEpochMs(value: unknown): number | undefined {
  if (typeof value === "string") return ISO_DATE_TIME.test(value) ? isoDateTimeToEpochMs(value) : undefined;
  if (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_EPOCH_MS)
    return value as number;
  return undefined;
}

/** The parsed sample, or undefined when the input breaks any rule of `metricSampleSchema`. */
export function parseMetricSampleByHand(input: unknown, nowMs = Date.now()): MetricSample | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const { instance_id, resource_type, metric_name, value, unit, timestamp, metadata } = input as Record<
    string,
    unknown
  >;
  if (!isBoundedString(instance_id, 255) || !CLOUD_ID.test(instance_id)) return undefined;
  if (typeof resource_type !== "string" || !RESOURCE_TYPES.has(resource_type)) return undefined;
  if (!isBoundedString(metric_name, 100) || !METRIC_NAME.test(metric_name)) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  if (!isBoundedString(unit, 50)) return undefined;
  const epochMs = toEpochMs(timestamp);
  if (epochMs === undefined || epochMs > nowMs + DEFAULT_MAX_FUTURE_SKEW_MS) return undefined;
  if (metadata !== undefined && findJsonObjectIssue(metadata)) return undefined;
  const definition = findMetricDefinition(resource_type as ResourceType, metric_name);
  if (definition) {
    if (!definition.units.includes(unit)) return undefined;
    if (value < definition.min || (definition.max !== undefined && value > definition.max)) return undefined;
  }
  const sample: MetricSample = {
    instance_id,
    resource_type: resource_type as ResourceType,
    metric_name,
    value,
    unit,
    timestamp: new Date(epochMs),
  };
  if (metadata !== undefined) sample.metadata = metadata as JsonObject;
  return sample;
}

/** The parsed samples of a batch, or undefined when the batch or any sample breaks a rule. */
export function parseMetricBatchByHand(input: unknown, nowMs = Date.now()): MetricSample[] | undefined {
  const samples = (input as { samples?: unknown } | null)?.samples;
  if (!Array.isArray(samples) || samples.length < 1 || samples.length > METRIC_BATCH_MAX_SAMPLES)
    return undefined;
  const parsed: MetricSample[] = [];
  for (const sample of samples) {
    const result = parseMetricSampleByHand(sample, nowMs);
    if (!result) return undefined;
    parsed.push(result);
  }
  return parsed;
}
