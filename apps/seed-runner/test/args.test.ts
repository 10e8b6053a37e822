import { describe, expect, it } from "vitest";
import { type CliOptions, defaultLoadProfile, parseCliArgs, parseInstant } from "../src/args.js";
import { UsageError } from "../src/errors.js";

const defaults: CliOptions = {
  databaseUrl: undefined,
  dataDir: undefined,
  phase: undefined,
  reset: false,
  force: false,
  now: undefined,
  json: false,
  load: undefined,
};

function optionsOf(argv: string[]): CliOptions {
  const command = parseCliArgs(argv);
  if (command.kind !== "run") throw new Error(`expected a run, got ${command.kind}`);
  return command.options;
}

function usageErrorOf(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("parseCliArgs", () => {
  it("without arguments runs every phase on the default database", () => {
    expect(optionsOf([])).toEqual(defaults);
  });

  it("reads every option", () => {
    expect(
      optionsOf([
        "--database-url",
        " postgres://u@h/db ",
        "--phase",
        "workflow-history",
        "--reset",
        "--force",
        "--now",
        "2026-10-20T12:00:00Z",
        "--json",
      ]),
    ).toEqual({
      ...defaults,
      databaseUrl: "postgres://u@h/db",
      phase: "workflow-history",
      reset: true,
      force: true,
      now: new Date("2026-10-20T12:00:00Z"),
      json: true,
    });
    expect(optionsOf(["--data-dir", "some/dir"]).dataDir).toBe("some/dir");
  });

  it("--help and -h ask for help, whatever else is given", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h", "--json"])).toEqual({ kind: "help" });
  });

  it("ignores the leading -- that pnpm passes on", () => {
    expect(optionsOf(["--", "--json"]).json).toBe(true);
  });

  it("--profile load takes the defaults for what is not given", () => {
    expect(optionsOf(["--profile", "load"]).load).toEqual(defaultLoadProfile);
    expect(defaultLoadProfile).toEqual({ metrics: 100_000, instances: 50, days: 7, seed: 42 });
    expect(
      optionsOf([
        "--profile",
        "load",
        "--metrics",
        "1_000_000",
        "--instances",
        "200",
        "--days",
        "3",
        "--seed",
        "0",
      ]).load,
    ).toEqual({ metrics: 1_000_000, instances: 200, days: 3, seed: 0 });
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["extra"], "Unexpected argument 'extra'."],
    [["--phase"], "Option '--phase <value>' argument missing"],
    [["--json=yes"], "Option '--json' does not take an argument"],
    [
      ["--phase", "seeds"],
      'Unknown phase "seeds"; the phases, in order, are: core, agent-state, workflow-history, resource-schema.',
    ],
    [["--profile", "huge"], 'Unknown profile "huge"; the profiles are: load.'],
    [["--metrics", "10"], "--metrics only applies with --profile load."],
    [["--days", "1", "--seed", "2"], "--days and --seed only apply with --profile load."],
    [["--force"], "--force only applies with --reset."],
    [
      ["--database-url", "postgres://h/db", "--data-dir", "d"],
      "Give either --database-url (PostgreSQL) or --data-dir (PGlite), not both.",
    ],
    [["--database-url", " "], "--database-url is empty."],
    [["--data-dir", ""], "--data-dir is empty."],
    [["--profile", "load", "--metrics", "1e6"], '--metrics must be a whole number, not "1e6".'],
    [["--profile", "load", "--instances", "-3"], "Option '--instances' argument is ambiguous."],
    [["--profile", "load", "--metrics", "0"], "--metrics must be a whole number from 1 to 100000000, not 0."],
    [["--profile", "load", "--days", "4000"], "--days must be a whole number from 1 to 3650, not 4000."],
    [
      ["--profile", "load", "--seed", "4294967296"],
      "--seed must be a whole number from 0 to 4294967295, not 4294967296.",
    ],
    [
      ["--now", "yesterday"],
      '--now must be an ISO 8601 date-time with Z or an offset, such as 2026-10-20T12:00:00Z, not "yesterday".',
    ],
  ])("%j is a usage error: %s", (argv, message) => {
    expect(usageErrorOf(argv)).toBe(message);
  });
});

describe("parseInstant", () => {
  it.each([
    ["2026-10-20T12:00:00Z", "2026-10-20T12:00:00.000Z"],
    ["2026-10-20T12:00Z", "2026-10-20T12:00:00.000Z"],
    ["2026-10-20T12:00:00.5Z", "2026-10-20T12:00:00.500Z"],
    ["2026-10-20T12:00:00.123456Z", "2026-10-20T12:00:00.123Z"],
    ["2026-10-20T14:30:00+02:30", "2026-10-20T12:00:00.000Z"],
    ["2026-10-20T07:00:00-05:00", "2026-10-20T12:00:00.000Z"],
    ["2028-02-29T00:00:00Z", "2028-02-29T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseInstant(text).toISOString()).toBe(iso);
  });

  it.each([
    "2026-10-20",
    "2026-10-20T12:00:00",
    "2026-10-20 12:00:00Z",
    "2026-10-20T12:00:00+0200",
    "2026-02-30T00:00:00Z",
    "2027-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-10-20T24:00:00Z",
    "2026-10-20T12:60:00Z",
    "2026-10-20T12:00:60Z",
    "2026-10-20T12:00:00+24:00",
    "2026-10-20T12:00:00+02:60",
    "1726-10-20T12:00:00z",
  ])("rejects %s", (text) => {
    expect(() => parseInstant(text)).toThrow(UsageError);
  });
});
