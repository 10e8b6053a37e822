import { inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { DbError, reasonOf } from "../errors.js";
import type { agents, customers } from "../schema/core.js";

export type SeedPhaseName = "core" | "agent-state" | "workflow-history" | "resource-schema";

export interface SeedOptions {
  /** The instant every time in the phase is relative to; fix it to get identical rows on every run. */
  now: Date;
}

export interface PhaseSummary {
  phase: SeedPhaseName;
  /** Rows this run inserted per table; 0 where every row was already there. */
  inserted: Record<string, number>;
}

/** A row the phase needs from an earlier one, looked up by its fixed id. */
export interface Prerequisite {
  table: typeof customers | typeof agents;
  id: string;
  label: string;
  phase: SeedPhaseName;
}

/** Any value, as long as every seed runner uses the same one: concurrent runs wait for each other. */
export const SEED_LOCK_KEY = 7_402_202;

/**
 * Runs one phase in one transaction, serialized against other seed runs. It checks the rows the phase builds
 * on first, so a phase run before its prerequisites fails without writing anything.
 */
export async function runPhase(
  db: Database,
  phase: SeedPhaseName,
  prerequisites: Prerequisite[],
  write: (tx: Database) => Promise<Record<string, number>>,
): Promise<PhaseSummary> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      await assertPresent(tx, `Phase "${phase}"`, prerequisites);
      return { phase, inserted: await write(tx) };
    });
  } catch (error) {
    if (error instanceof DbError) throw error;
    throw new DbError(
      "seed_failed",
      `Seeding phase "${phase}" failed: ${reasonOf(error)}. Nothing of this phase was written.`,
      { cause: error },
    );
  }
}

/** Throws `seed_prerequisite_missing`, naming the phase to run first, unless every prerequisite row is there. */
export async function assertPresent(tx: Database, who: string, prerequisites: Prerequisite[]): Promise<void> {
  for (const table of new Set(prerequisites.map((p) => p.table))) {
    const wanted = prerequisites.filter((p) => p.table === table);
    const found = new Set(
      (
        await tx
          .select({ id: table.id })
          .from(table)
          .where(
            inArray(
              table.id,
              wanted.map((p) => p.id),
            ),
          )
      ).map((r) => r.id),
    );
    const missing = wanted.find((p) => !found.has(p.id));
    if (missing) {
      throw new DbError(
        "seed_prerequisite_missing",
        `${who} needs ${missing.label} (${missing.id}) from phase "${missing.phase}", which is not in the database. Run phase "${missing.phase}" first.`,
      );
    }
  }
}

/** Inserts the rows whose id is not there yet (insert-or-skip on the id); returns how many it inserted. */
export async function insertMissing<Table extends PgTable & { id: PgTable["_"]["columns"][string] }>(
  tx: Database,
  table: Table,
  rows: Table["$inferInsert"][],
): Promise<number> {
  const inserted = await tx.insert(table).values(rows).onConflictDoNothing({ target: table.id }).returning();
  return inserted.length;
}

/** `00000000-0000-0000-TTTT-NNNNNNNNNNNN`: the fixed id of row `row` of the table numbered `table` in spec §5. */
export function demoRowId(table: number, row: number): string {
  return `00000000-0000-0000-${String(table).padStart(4, "0")}-${String(row).padStart(12, "0")}`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const minus = (now: Date, ms: number) => new Date(now.getTime() - ms);
