import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createContractSchemas, DEFAULT_MAX_FUTURE_SKEW_MS } from "../src/index.js";
import { isoDateTimeToEpochMs } from "../src/instant.js";
import { validSample } from "./cases.js";
import { issuePaths } from "./helpers.js";

const NOW_MS = Date.parse("2025-10-20T12:00:00Z");
const { metricSampleSchema, heartbeatSchema } = createContractSchemas({ now: () => NOW_MS });
const at = (epochMs: number) => ({ ...validSample, timestamp: new Date(epochMs).toISOString() });

describe("the future bound", () => {
  it("defaults to 5 minutes after the receiver's clock, inclusive", () => {
    expect(DEFAULT_MAX_FUTURE_SKEW_MS).toBe(300_000);
    expect(issuePaths(metricSampleSchema, at(NOW_MS + 300_000))).toBeUndefined();
    expect(issuePaths(metricSampleSchema, at(NOW_MS + 300_001))).toEqual(["timestamp"]);
    expect(issuePaths(metricSampleSchema, { ...validSample, timestamp: NOW_MS + 300_001 })).toEqual([
      "timestamp",
    ]);
  });

  it("says how far and what to check", () => {
    const result = metricSampleSchema.safeParse(at(NOW_MS + 3_600_000));
    expect(result.error?.issues[0]?.message).toBe(
      "is more than 5 minutes in the future; check the sender's clock (NTP)",
    );
  });

  it("is a parameter, and holds for every reported instant", () => {
    const strict = createContractSchemas({ now: () => NOW_MS, maxFutureSkewMs: 1000 });
    expect(issuePaths(strict.metricSampleSchema, at(NOW_MS + 1001))).toEqual(["timestamp"]);
    expect(strict.metricSampleSchema.safeParse(at(NOW_MS + 1001)).error?.issues[0]?.message).toMatch(
      /^is more than 1 second in the future/,
    );
    expect(issuePaths(strict.metricSampleSchema, at(NOW_MS + 1000))).toBeUndefined();
    const heartbeat = {
      agent_id: "00000000-0000-0000-0000-000000000104",
      status: "healthy",
      current_status: "idle",
      active_workflows: [],
      resource_usage: { cpu: 1, memory: 1 },
      timestamp: NOW_MS + 2000,
    };
    expect(issuePaths(heartbeatSchema, heartbeat)).toBeUndefined();
    expect(issuePaths(strict.heartbeatSchema, heartbeat)).toEqual(["timestamp"]);
  });

  it("reads the clock at each parse, not once", () => {
    let nowMs = NOW_MS;
    const { metricSampleSchema: moving } = createContractSchemas({ now: () => nowMs });
    expect(issuePaths(moving, at(NOW_MS + 3_600_000))).toEqual(["timestamp"]);
    nowMs += 3_600_000;
    expect(issuePaths(moving, at(NOW_MS + 3_600_000))).toBeUndefined();
  });
});

describe("isoDateTimeToEpochMs", () => {
  it("agrees with Date.parse on every date-time the schema accepts", () => {
    const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
    const fraction = fc.oneof(fc.constant(""), fc.stringMatching(/^\.\d{1,9}$/));
    const offset = fc.oneof(
      fc.constant("Z"),
      fc
        .tuple(fc.constantFrom("+", "-"), twoDigits(23), twoDigits(59))
        .map(([sign, h, m]) => `${sign}${h}:${m}`),
    );
    const dateTime = fc
      .tuple(
        fc.date({
          min: new Date("0000-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fraction,
        offset,
      )
      .map(([date, fractionPart, offsetPart]) => date.toISOString().slice(0, 19) + fractionPart + offsetPart);
    const { metricSampleSchema: unbounded } = createContractSchemas({ now: () => Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(dateTime, (text) => {
        expect(issuePaths(unbounded, { ...validSample, timestamp: text })).toBeUndefined();
        expect(isoDateTimeToEpochMs(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });
});
