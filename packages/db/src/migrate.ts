import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { OptiInfraDatabase } from "./client.js";
import { DbError, reasonOf } from "./errors.js";
import { inBulkTransaction } from "./queries/bulk.js";

/** Any value, as long as every migrator uses the same one: it serializes concurrent `migrate()` calls. */
const MIGRATION_LOCK_KEY = 7_402_201;

export interface MigrateResult {
  /** Tags of the migrations this call applied, e.g. `0003_resource_schema`; empty when already up to date. */
  applied: string[];
}

/**
 * Applies every migration shipped in this package's `drizzle/` folder that the database has not seen, in one
 * transaction, each migration's statements in one round trip. Bookkeeping lives in
 * `drizzle.__drizzle_migrations`, the table drizzle-kit's own migrator uses, so the two can be mixed.
 * Concurrent callers wait for each other on an advisory lock, so two services starting at once against one
 * database do not both try to create the schema.
 */
export async function migrate(db: OptiInfraDatabase): Promise<MigrateResult> {
  const folder = migrationsFolder();
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const tags = journalTags(folder);
  try {
    return await inBulkTransaction(db, async (writer) => {
      await writer.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await writer.exec(
        "create schema if not exists drizzle; create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)",
      );
      const [last] = await writer.query<{ created_at: string }>(
        "select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
      );
      const lastAppliedMillis = last ? Number(last.created_at) : Number.NEGATIVE_INFINITY;
      const applied: string[] = [];
      for (const [index, migration] of migrations.entries()) {
        if (migration.folderMillis <= lastAppliedMillis) continue;
        await writer.exec(migration.sql.join("\n"));
        await writer.query("insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)", [
          migration.hash,
          migration.folderMillis,
        ]);
        applied.push(tags[index] ?? String(migration.folderMillis));
      }
      return { applied };
    });
  } catch (cause) {
    throw new DbError(
      "migration_failed",
      `Migrating the database failed: ${reasonOf(cause)}. Nothing was applied; fix the cause and run the migration again.`,
      { cause },
    );
  }
}

let cachedFolder: string | undefined;

/**
 * The `drizzle/` folder of this package. Found by walking up from this module because the module sits at
 * different depths when run from `src/`, from `dist/`, or from a consumer's `node_modules`.
 */
export function migrationsFolder(): string {
  cachedFolder ??= findMigrationsFolder(dirname(fileURLToPath(import.meta.url)));
  return cachedFolder;
}

/** The nearest `drizzle/` folder with a migration journal at or above `start`. */
export function findMigrationsFolder(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, "drizzle");
    if (existsSync(join(candidate, "meta", "_journal.json"))) return candidate;
    if (dirname(dir) === dir) {
      throw new DbError(
        "migration_failed",
        `No drizzle/meta/_journal.json in or above ${start}: the package was installed without its migrations.`,
      );
    }
  }
}

function journalTags(folder: string): string[] {
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}
