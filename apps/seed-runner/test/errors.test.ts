import { DbError } from "@optiinfra/db";
import { describe, expect, it } from "vitest";
import { describeFailure, exitCodeOf, SeedRunnerError, UsageError } from "../src/errors.js";

describe("describeFailure", () => {
  it("a usage error: the message and where to find the usage", () => {
    expect(describeFailure(new UsageError("Unknown option '--x'."))).toBe(
      "seed-runner: Unknown option '--x'.\nRun with --help for usage.",
    );
  });

  it("a database error: its message and code, and the cause when the message does not already say it", () => {
    const cause = new Error('relation "customers" does not exist');
    expect(describeFailure(new DbError("seed_failed", 'Seeding phase "core" failed.', { cause }))).toBe(
      'seed-runner: Seeding phase "core" failed. [seed_failed]\n  cause: relation "customers" does not exist',
    );
    expect(
      describeFailure(
        new DbError("database_unreachable", "Cannot connect: connect ECONNREFUSED.", {
          cause: new Error("connect ECONNREFUSED"),
        }),
      ),
    ).toBe("seed-runner: Cannot connect: connect ECONNREFUSED. [database_unreachable]");
    expect(describeFailure(new SeedRunnerError("data_dir_in_use", "In use."))).toBe(
      "seed-runner: In use. [data_dir_in_use]",
    );
  });

  it("anything else is a bug: its stack is printed", () => {
    const bug = new TypeError("x is undefined");
    expect(describeFailure(bug)).toBe(
      `seed-runner: unexpected failure (a bug; please report it):\n${bug.stack}`,
    );
    expect(describeFailure("thrown string")).toBe(
      "seed-runner: unexpected failure (a bug; please report it):\nthrown string",
    );
  });
});

describe("exitCodeOf", () => {
  it("is 2 for usage errors and 1 for everything else", () => {
    expect(exitCodeOf(new UsageError("x"))).toBe(2);
    expect(exitCodeOf(new DbError("seed_failed", "x"))).toBe(1);
    expect(exitCodeOf(new Error("x"))).toBe(1);
  });
});
