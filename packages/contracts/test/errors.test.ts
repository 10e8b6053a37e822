import { describe, expect, it } from "vitest";
import {
  ContractError,
  formatIssues,
  metricBatchSchema,
  parseOrThrow,
  scalingEventSchema,
} from "../src/index.js";
import { validSample } from "./cases.js";

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to throw");
}

describe("parseOrThrow", () => {
  it("returns the parsed value, timestamps as Dates and unknown fields dropped", () => {
    const batch = parseOrThrow(metricBatchSchema, {
      samples: [{ ...validSample, sampled_by: "collector-7" }],
    });
    expect(batch.samples[0]).toEqual({ ...validSample, timestamp: new Date("2025-10-20T14:00:00Z") });
  });

  it("throws a ContractError with every issue under a dotted path", () => {
    const error = thrownBy(() =>
      parseOrThrow(metricBatchSchema, {
        samples: [validSample, { ...validSample, value: "85.5", unit: "" }, { ...validSample, value: 101 }],
        agent_id: "resource-agent-1",
      }),
    );
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toBeInstanceOf(Error);
    const { code, name, issues, message } = error as ContractError;
    expect([code, name]).toEqual(["invalid_payload", "ContractError"]);
    expect(issues).toEqual([
      { path: "samples.1.value", message: "must be a finite number (not a string, NaN or Infinity)" },
      { path: "samples.1.unit", message: "must not be empty" },
      {
        path: "samples.2.value",
        message: "101 is out of range for gpu utilization: must be between 0 and 100 percent",
      },
      { path: "agent_id", message: "must be a UUID such as 00000000-0000-0000-0000-000000000001" },
    ]);
    expect(message).toBe(formatIssues(issues));
  });

  it("reports both catalogue rules of one sample", () => {
    const error = thrownBy(() =>
      parseOrThrow(metricBatchSchema, { samples: [{ ...validSample, unit: "C", value: -3 }] }),
    );
    expect((error as ContractError).issues).toEqual([
      { path: "samples.0.unit", message: '"C" is not a unit of gpu utilization; use percent' },
      {
        path: "samples.0.value",
        message: "-3 is out of range for gpu utilization: must be between 0 and 100 percent",
      },
    ]);
  });

  it("says what to do for the cross-field rules of a scaling event", () => {
    const error = thrownBy(() =>
      parseOrThrow(scalingEventSchema, {
        event_type: "scale_up",
        trigger_reason: "GPU utilization exceeded 85%",
        before_state: { instance_count: 3 },
        after_state: { instance_count: 3 },
        success: false,
        executed_at: "2025-10-20T08:00:00Z",
        completed_at: "2025-10-20T07:00:00+00:00",
      }),
    );
    expect((error as ContractError).message).toBe(
      [
        "error_details: is required when success is false: give at least error_type and error_message",
        "completed_at: must not be before executed_at",
      ].join("\n"),
    );
  });
});

describe("formatIssues", () => {
  it("renders one line per issue and names the payload itself when the path is empty", () => {
    expect(
      formatIssues([
        { path: "", message: "must be an object" },
        { path: "samples.3.value", message: "must be a finite number" },
      ]),
    ).toBe("(payload): must be an object\nsamples.3.value: must be a finite number");
  });
});
