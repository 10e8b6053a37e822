import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FORBIDDEN_JSON_KEYS,
  findMetricDefinition,
  type MetricDefinition,
  metricBatchSchema,
  metricCatalog,
  metricSampleSchema,
  type ResourceType,
  resourceTypeSchema,
} from "../src/index.js";
import { isJsonData, issuePaths, jsonSchemaAccepts } from "./helpers.js";

const HOUR_MS = 3_600_000;
const twoDigits = (value: number) => String(value).padStart(2, "0");

// Generated valid samples: catalogued metrics within their rules, and custom metrics with anything.

const catalogued = Object.entries(metricCatalog).flatMap(([resourceType, metrics]) =>
  Object.entries(metrics).map(([metricName, definition]: [string, MetricDefinition]) => ({
    resourceType: resourceType as ResourceType,
    metricName,
    definition,
  })),
);

const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

const cataloguedMetric = fc.constantFrom(...catalogued).chain(({ resourceType, metricName, definition }) =>
  fc.record({
    resource_type: fc.constant(resourceType),
    metric_name: fc.constant(metricName),
    unit: fc.constantFrom(...definition.units),
    value: fc.double({ min: definition.min, max: definition.max ?? Number.MAX_VALUE, noNaN: true }),
  }),
);

const metricName = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}(\.[a-z][a-z0-9_]{0,20}){0,3}$/);

const customMetric = fc
  .record({
    resource_type: fc.constantFrom(...resourceTypeSchema.options),
    metric_name: metricName,
    unit: fc.string({ minLength: 1, maxLength: 50 }),
    value: finiteNumber,
  })
  .filter((metric) => !findMetricDefinition(metric.resource_type, metric.metric_name));

/** A past instant and the epoch milliseconds it names, written in one of the accepted notations. */
const pastInstant = fc
  .record({
    epochMs: fc.integer({ min: 0, max: Date.now() }),
    offsetMinutes: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    notation: fc.constantFrom("utc", "offset", "epoch"),
  })
  .map(({ epochMs, offsetMinutes, notation }) => {
    if (notation === "epoch") return { timestamp: epochMs as string | number, epochMs };
    if (notation === "utc") return { timestamp: new Date(epochMs).toISOString(), epochMs };
    const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const offset = Math.abs(offsetMinutes);
    return {
      timestamp: `${local}${sign}${twoDigits(Math.floor(offset / 60))}:${twoDigits(offset % 60)}`,
      epochMs,
    };
  });

const jsonKey = fc.string({ maxLength: 20 }).filter((key) => !FORBIDDEN_JSON_KEYS.includes(key));
const jsonLeaf = fc.oneof(fc.string({ maxLength: 30 }), finiteNumber, fc.boolean(), fc.constant(null));
const metadata = fc.dictionary(
  jsonKey,
  fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 5 }), fc.dictionary(jsonKey, jsonLeaf, { maxKeys: 5 })),
  { maxKeys: 6 },
);

const validSample = fc
  .record(
    {
      instance_id: fc.stringMatching(/^[A-Za-z0-9._:/-]{1,255}$/),
      metric: fc.oneof(cataloguedMetric, customMetric),
      instant: pastInstant,
      metadata,
    },
    { requiredKeys: ["instance_id", "metric", "instant"] },
  )
  .map(({ metric, instant, ...rest }) => ({
    sample: { ...rest, ...metric, timestamp: instant.timestamp } as Record<string, unknown>,
    epochMs: instant.epochMs,
  }));

// One field broken in a way each field can be broken. `jsonSchemaJudges` is false for the rules only zod applies.

interface Mutation {
  field: string;
  value: unknown;
  jsonSchemaJudges: boolean;
}

const breaking = (
  field: string,
  value: fc.Arbitrary<unknown>,
  jsonSchemaJudges = true,
): fc.Arbitrary<Mutation> => value.map((broken) => ({ field, value: broken, jsonSchemaJudges }));

const nestedObject = (levels: number): unknown => (levels === 0 ? 1 : { level: nestedObject(levels - 1) });

const mutation = fc.oneof(
  breaking(
    "instance_id",
    fc.oneof(
      fc.constant(""),
      fc.constant("i".repeat(256)),
      fc.stringMatching(/^[a-z0-9-]{0,10}[ #?*\u00e9][a-z0-9-]{0,10}$/),
      fc.integer(),
    ),
  ),
  breaking(
    "resource_type",
    fc.string().filter((text) => !resourceTypeSchema.safeParse(text).success),
  ),
  breaking(
    "metric_name",
    fc.oneof(
      fc.constant(""),
      fc.constant("m".repeat(101)),
      fc.stringMatching(/^[A-Z][a-zA-Z]{0,10}$/),
      fc.stringMatching(/^[a-z]{1,5}-[a-z]{1,5}$/),
    ),
  ),
  breaking(
    "value",
    fc.oneof(fc.string(), fc.constant(null), fc.boolean(), fc.array(finiteNumber, { maxLength: 1 })),
  ),
  breaking("value", fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)),
  breaking("unit", fc.oneof(fc.constant(""), fc.constant("u".repeat(51)), fc.integer())),
  breaking(
    "timestamp",
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 19)),
      fc.integer({ max: -1 }),
      fc.double({ min: 1, max: 1e12, noInteger: true }),
      fc.constant(true),
      fc.string({ maxLength: 10 }),
    ),
  ),
  breaking(
    "timestamp",
    fc
      .integer({ min: 1, max: 1000 * 24 })
      .map((hours) => new Date(Date.now() + hours * HOUR_MS).toISOString()),
    false,
  ),
  breaking("metadata", fc.oneof(fc.array(jsonLeaf), fc.constant(null), fc.string())),
  breaking(
    "metadata",
    fc.constantFrom(...FORBIDDEN_JSON_KEYS).map((key) => JSON.parse(`{"${key}": 1}`)),
  ),
  breaking(
    "metadata",
    fc.oneof(
      fc.constantFrom(...FORBIDDEN_JSON_KEYS).map((key) => JSON.parse(`{"nested": {"${key}": 1}}`)),
      fc.integer({ min: 6, max: 10 }).map(nestedObject),
      fc.integer({ min: 8192, max: 20_000 }).map((length) => ({ note: "x".repeat(length) })),
    ),
    false,
  ),
);

describe("generated metric samples", () => {
  it("always parse when valid, to the instant they name", () => {
    fc.assert(
      fc.property(validSample, ({ sample, epochMs }) => {
        const parsed = metricSampleSchema.parse(sample);
        expect(parsed.timestamp.getTime()).toBe(epochMs);
        expect(parsed.value).toBe(sample.value);
        expect(jsonSchemaAccepts("metric-sample", sample)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never parse with one field broken, and the issue names that field", () => {
    fc.assert(
      fc.property(validSample, mutation, ({ sample }, { field, value, jsonSchemaJudges }) => {
        const broken = { ...sample, [field]: value };
        const paths = issuePaths(metricSampleSchema, broken);
        expect(paths).toBeDefined();
        for (const path of paths ?? []) expect(path.split(".")[0]).toBe(field);
        if (jsonSchemaJudges && isJsonData(broken))
          expect(jsonSchemaAccepts("metric-sample", broken)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("never parse as a catalogued metric with a foreign unit or a value out of range", () => {
    const outOfRange = fc.constantFrom(...catalogued).chain(({ resourceType, metricName, definition }) =>
      fc.oneof(
        fc
          .string({ minLength: 1, maxLength: 50 })
          .filter((unit) => !definition.units.includes(unit))
          .map((unit) => ({
            resource_type: resourceType,
            metric_name: metricName,
            unit,
            value: definition.min,
            field: "unit",
          })),
        fc
          .oneof(
            fc.double({ max: definition.min, noNaN: true, noDefaultInfinity: true }),
            fc.double({ min: definition.max ?? definition.min, noNaN: true, noDefaultInfinity: true }),
          )
          // fast-check orders −0 below 0, so bounds alone would let −0 through as "below 0".
          .filter(
            (value) => value < definition.min || (definition.max !== undefined && value > definition.max),
          )
          .map((value) => ({
            resource_type: resourceType,
            metric_name: metricName,
            unit: definition.units[0],
            value,
            field: "value",
          })),
      ),
    );
    fc.assert(
      fc.property(validSample, outOfRange, ({ sample }, { field, ...metric }) => {
        const broken = { ...sample, ...metric };
        expect(issuePaths(metricSampleSchema, broken)).toEqual([field]);
        expect(jsonSchemaAccepts("metric-sample", broken)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("point at the one broken sample of a batch", () => {
    const batch = fc
      .array(
        validSample.map(({ sample }) => sample),
        { minLength: 1, maxLength: 20 },
      )
      .chain((samples) => fc.tuple(fc.constant(samples), fc.nat({ max: samples.length - 1 }), mutation));
    fc.assert(
      fc.property(batch, ([samples, index, { field, value }]) => {
        const broken = samples.map((sample, i) => (i === index ? { ...sample, [field]: value } : sample));
        const paths = issuePaths(metricBatchSchema, { samples: broken });
        expect(paths?.length).toBeGreaterThan(0);
        for (const path of paths ?? []) expect(path.startsWith(`samples.${index}.${field}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
