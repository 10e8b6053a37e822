import {
  allTables,
  type Backend,
  createDb,
  type Database,
  type DatabaseReport,
  demoSeedPhases,
  type LoadProfileSummary,
  migrate,
  type OptiInfraDatabase,
  type PhaseSummary,
  readDatabaseReport,
  type SeedPhase,
  type SeedPhaseName,
  seedLoadProfile,
  truncateAllTables,
} from "@optiinfra/db";
import type { LoadProfileSettings } from "./args.js";
import { lockDataDirectory } from "./data-dir-lock.js";
import { type DatabaseTarget, describeLocation, describeTarget } from "./database-target.js";
import { createProgressReporter, loadSummaryLine, type ProgressStream, rowsPerSecond } from "./progress.js";
import { formatCount } from "./text.js";

export interface RunSettings {
  target: DatabaseTarget;
  /** Only this phase; undefined runs all of them in order. */
  phase: SeedPhaseName | undefined;
  /** Empty every table first (the caller has checked that this database may be emptied). */
  reset: boolean;
  now: Date;
  load: LoadProfileSettings | undefined;
}

export interface RunIo {
  /** One line of what the run is doing. */
  log(line: string): void;
  progress: ProgressStream;
}

export interface LoadResult extends LoadProfileSettings, LoadProfileSummary {
  rowsPerSecond: number;
}

/** What a run did and what the database holds afterwards; `--json` prints exactly this. */
export interface RunResult {
  database: { backend: Backend; location: string };
  now: Date;
  migrations: { applied: string[] };
  phases: PhaseSummary[];
  load?: LoadResult;
  report: DatabaseReport;
}

/** Opens the database, migrates, resets, seeds, loads and reads the report; closes the database whatever happens. */
export async function runSeedJob(settings: RunSettings, io: RunIo): Promise<RunResult> {
  const { target } = settings;
  io.log(`Database: ${describeTarget(target)}`);
  const releaseDataDir = target.backend === "pglite" ? lockDataDirectory(target.dataDir) : undefined;
  try {
    const db = await createDb(
      target.backend === "pglite" ? { dataDir: target.dataDir } : { url: target.url },
    );
    try {
      return await seedAndReport(db, settings, io);
    } finally {
      await db.close();
    }
  } finally {
    releaseDataDir?.();
  }
}

async function seedAndReport(db: OptiInfraDatabase, settings: RunSettings, io: RunIo): Promise<RunResult> {
  const { applied } = await migrate(db);
  io.log(applied.length === 0 ? "Migrations: up to date" : `Migrations: applied ${applied.join(", ")}`);

  const phasesToRun = demoSeedPhases.filter(
    (phase) => settings.phase === undefined || phase.name === settings.phase,
  );
  io.log(
    `${settings.reset ? `Emptying all ${allTables.length} tables, then seeding` : "Seeding"} ${phasesToRun.map((phase) => phase.name).join(", ")} (now = ${settings.now.toISOString()})`,
  );
  const phases = await seedPhases(db, phasesToRun, settings);

  const load = settings.load && (await writeLoadProfile(db, settings.load, settings.now, io));
  return {
    database: { backend: db.backend, location: describeLocation(settings.target) },
    now: settings.now,
    migrations: { applied },
    phases,
    ...(load ? { load } : {}),
    report: await readDatabaseReport(db),
  };
}

/**
 * Runs `phases` in order, after emptying every table if `reset`, in one transaction (each phase's own transaction
 * becomes a savepoint): a phase that fails leaves the database as it was before, not half-seeded or emptied.
 */
export function seedPhases(
  db: Database,
  phases: readonly SeedPhase[],
  options: { reset: boolean; now: Date },
): Promise<PhaseSummary[]> {
  return db.transaction(async (tx) => {
    if (options.reset) await truncateAllTables(tx);
    const summaries: PhaseSummary[] = [];
    for (const phase of phases) summaries.push(await phase.seed(tx, { now: options.now }));
    return summaries;
  });
}

async function writeLoadProfile(
  db: OptiInfraDatabase,
  settings: LoadProfileSettings,
  now: Date,
  io: RunIo,
): Promise<LoadResult> {
  io.log(
    `Load profile: ${formatCount(settings.metrics)} metrics from ${formatCount(settings.instances)} instances over ${settings.days} day${settings.days === 1 ? "" : "s"}, seed ${settings.seed}`,
  );
  const progress = createProgressReporter(settings.metrics, io.progress);
  let summary: LoadProfileSummary;
  try {
    summary = await seedLoadProfile(db, { ...settings, now }, (rows) => progress.update(rows));
  } finally {
    progress.finish();
  }
  io.log(loadSummaryLine(summary.rows, summary.seconds));
  if (summary.replaced > 0) {
    io.log(
      `(replacing the ${formatCount(summary.replaced)} rows an earlier load with seed ${settings.seed} wrote)`,
    );
  }
  return { ...settings, ...summary, rowsPerSecond: rowsPerSecond(summary.rows, summary.seconds) };
}
