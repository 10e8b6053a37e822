import { parseArgs } from "node:util";
import { DbError, demoSeedPhases, type SeedPhaseName, validateLoadProfileOptions } from "@optiinfra/db";
import { UsageError } from "./errors.js";

/** The load profile's size and shape; `now` comes from the run. */
export interface LoadProfileSettings {
  metrics: number;
  instances: number;
  days: number;
  seed: number;
}

export const defaultLoadProfile: LoadProfileSettings = { metrics: 100_000, instances: 50, days: 7, seed: 42 };

export interface CliOptions {
  /** `--database-url`; without it (and without `--data-dir`) DATABASE_URL decides. */
  databaseUrl: string | undefined;
  /** `--data-dir`: PGlite in this directory. */
  dataDir: string | undefined;
  /** `--phase`: only this phase; undefined runs every phase in order. */
  phase: SeedPhaseName | undefined;
  reset: boolean;
  force: boolean;
  /** `--now`; undefined means the current time, captured once when the run starts. */
  now: Date | undefined;
  json: boolean;
  /** Set by `--profile load`. */
  load: LoadProfileSettings | undefined;
}

export type Command = { kind: "help" } | { kind: "run"; options: CliOptions };

const phaseNames = demoSeedPhases.map((phase) => phase.name);
const profileNames = ["load"] as const;
const loadSettingNames = ["metrics", "instances", "days", "seed"] as const;

export const helpText = `Usage: seed-runner [options]

Migrates the database, loads the demo data set (spec §8) phase by phase, and prints what is in it.
Without a database URL it uses embedded PGlite in <your working directory>/.optiinfra/pglite.

Database
  --database-url <url>   PostgreSQL to use (default: DATABASE_URL; without either, PGlite)
  --data-dir <path>      PGlite data directory (default: .optiinfra/pglite under your working directory)

What to load
  --phase <name>         only this phase: ${phaseNames.join(", ")}
  --reset                empty every table before seeding (a non-local PostgreSQL also needs --force)
  --force                allow --reset on a PostgreSQL that is not on this machine
  --now <date-time>      the clock the data is relative to, ISO 8601 with Z or an offset
                         (e.g. 2026-10-20T12:00:00Z); the same value gives identical data
  --profile load         after the demo data, write synthetic resource metrics in bulk:
    --metrics <n>          rows to write (default ${defaultLoadProfile.metrics})
    --instances <n>        instances they come from (default ${defaultLoadProfile.instances})
    --days <n>             days they span, ending now (default ${defaultLoadProfile.days})
    --seed <n>             same seed, same rows; a rerun replaces them (default ${defaultLoadProfile.seed})

Output
  --json                 print one JSON document on stdout (logs go to stderr)
  -h, --help             show this help

Exit codes: 0 done, 1 the run failed (database unreachable, bad URL, a phase failed), 2 usage error.

Examples
  pnpm --filter seed-runner start
  pnpm --filter seed-runner start --reset --now 2026-10-20T12:00:00Z
  pnpm --filter seed-runner start --phase core
  pnpm --filter seed-runner start --profile load --metrics 1000000 --instances 200 --days 7 --seed 42
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/optiinfra pnpm -s --filter seed-runner start --json
`;

/** Reads the command line; throws `UsageError` with a one-line message for anything it cannot act on. */
export function parseCliArgs(argv: readonly string[]): Command {
  // `pnpm start -- --json` passes the `--` on; it means "arguments follow", not "positionals follow".
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let values: ReturnType<typeof parseWithNode>["values"];
  try {
    ({ values } = parseWithNode(args));
  } catch (error) {
    throw new UsageError(firstSentence(error instanceof Error ? error.message : String(error)));
  }
  if (values.help) return { kind: "help" };

  const givenLoadSettings = loadSettingNames.filter((name) => values[name] !== undefined);
  if (values.profile !== undefined && !isOneOf(profileNames, values.profile)) {
    throw new UsageError(
      `Unknown profile "${values.profile}"; the profiles are: ${profileNames.join(", ")}.`,
    );
  }
  if (values.profile === undefined && givenLoadSettings.length > 0) {
    throw new UsageError(
      `${givenLoadSettings.map((name) => `--${name}`).join(" and ")} only ${givenLoadSettings.length === 1 ? "applies" : "apply"} with --profile load.`,
    );
  }
  if (values.force && !values.reset) throw new UsageError("--force only applies with --reset.");
  if (values["database-url"] !== undefined && values["data-dir"] !== undefined) {
    throw new UsageError("Give either --database-url (PostgreSQL) or --data-dir (PGlite), not both.");
  }
  if (values["database-url"] !== undefined && !values["database-url"].trim()) {
    throw new UsageError("--database-url is empty.");
  }
  if (values["data-dir"] !== undefined && !values["data-dir"].trim()) {
    throw new UsageError("--data-dir is empty.");
  }

  return {
    kind: "run",
    options: {
      databaseUrl: values["database-url"]?.trim(),
      dataDir: values["data-dir"],
      phase: values.phase === undefined ? undefined : parsePhase(values.phase),
      reset: values.reset ?? false,
      force: values.force ?? false,
      now: values.now === undefined ? undefined : parseInstant(values.now),
      json: values.json ?? false,
      load:
        values.profile === undefined
          ? undefined
          : parseLoadSettings({
              metrics: values.metrics,
              instances: values.instances,
              days: values.days,
              seed: values.seed,
            }),
    },
  };
}

function parseWithNode(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: "boolean", short: "h" },
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      phase: { type: "string" },
      reset: { type: "boolean" },
      force: { type: "boolean" },
      now: { type: "string" },
      json: { type: "boolean" },
      profile: { type: "string" },
      metrics: { type: "string" },
      instances: { type: "string" },
      days: { type: "string" },
      seed: { type: "string" },
    },
  });
}

function parsePhase(name: string): SeedPhaseName {
  if (isOneOf(phaseNames, name)) return name;
  throw new UsageError(`Unknown phase "${name}"; the phases, in order, are: ${phaseNames.join(", ")}.`);
}

function parseLoadSettings(
  given: Record<keyof LoadProfileSettings, string | undefined>,
): LoadProfileSettings {
  const settings = { ...defaultLoadProfile };
  for (const name of loadSettingNames) {
    const text = given[name];
    if (text === undefined) continue;
    // Digits only (underscores allowed as separators): Number() would also take "1e6", "0x10" and " 7 ".
    if (!/^\d+(_\d+)*$/.test(text)) throw new UsageError(`--${name} must be a whole number, not "${text}".`);
    settings[name] = Number(text.replaceAll("_", ""));
  }
  assertLoadProfileLimits(settings);
  return settings;
}

/**
 * The limits of the load profile belong to @optiinfra/db, which names the offending option in its message;
 * checking them here turns a bad value into a usage error before the database is touched.
 */
function assertLoadProfileLimits(settings: LoadProfileSettings): void {
  try {
    validateLoadProfileOptions(settings);
  } catch (error) {
    if (error instanceof DbError) throw new UsageError(error.message);
    throw error;
  }
}

// YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z or ±HH:MM.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** An ISO 8601 date-time with a zone (Z or an offset), checked field by field: no 24:00, no February 30. */
export function parseInstant(text: string): Date {
  const invalid = () =>
    new UsageError(
      `--now must be an ISO 8601 date-time with Z or an offset, such as 2026-10-20T12:00:00Z, not "${text}".`,
    );
  const match = ISO_DATE_TIME.exec(text);
  if (!match) throw invalid();
  const field = (index: number) => Number(match[index] ?? "0");
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ];
  // Milliseconds are the first three digits of the fraction; PostgreSQL keeps microseconds, Date does not.
  const milliseconds = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  const [offsetSign, offsetHours, offsetMinutes] = [match[9], field(10), field(11)];
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  const roundTrip = new Date(local);
  if (
    roundTrip.getUTCFullYear() !== year ||
    roundTrip.getUTCMonth() !== month - 1 ||
    roundTrip.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    throw invalid();
  }
  const offsetMs = (offsetSign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(local - offsetMs);
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Node's parseArgs messages go on to explain positionals; the first sentence is the one that matters here. */
function firstSentence(message: string): string {
  return message.split(/(?<=\.)\s/)[0] ?? message;
}
