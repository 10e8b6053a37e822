import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { createDb, type Database, type OptiInfraDatabase } from "../client.js";
import { testDatabaseUrlFromEnv } from "../env.js";
import { migrate, migrationsFolder } from "../migrate.js";
import { truncateAllTables } from "../queries/maintenance.js";

export interface TestDatabase {
  /** The migrated database, empty at first. */
  readonly db: OptiInfraDatabase;
  /** On PostgreSQL, the URL of this throwaway database (for child processes such as a CLI under test). */
  readonly url: string | undefined;
  /** Runs `work` in a transaction that is always rolled back: nothing it writes outlives it. */
  inRollback(work: (tx: Database) => Promise<void>): Promise<void>;
  /** Empties every table, for tests whose writes must be committed (e.g. concurrent connections). */
  reset(): Promise<void>;
  /** Closes the connection and, on PostgreSQL, drops the throwaway database. */
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** PostgreSQL server to create the database on; default `TEST_DATABASE_URL`, else `DATABASE_URL`, else PGlite. */
  serverUrl?: string | undefined;
  /** Apply this package's migrations (default true); false gives an empty database, e.g. to test migrating. */
  migrated?: boolean;
}

/**
 * A database of its own, migrated and empty: embedded PGlite by default, or a new database created on a
 * PostgreSQL server and dropped by `close()`. Each test file gets its own, so test files — and test runs of
 * different packages — can run in parallel.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = "serverUrl" in options ? options.serverUrl : testDatabaseUrlFromEnv();
  const migrated = options.migrated ?? true;
  if (serverUrl === undefined) {
    return wrap(migrated ? await openMigratedPglite() : await createDb(), undefined, () => Promise.resolve());
  }
  const { url, drop } = await createThrowawayDatabase(serverUrl);
  let db: OptiInfraDatabase | undefined;
  try {
    db = await createDb({ url, maxConnections: 4 });
    if (migrated) await migrate(db);
    return wrap(db, url, drop);
  } catch (error) {
    await db?.close();
    await drop();
    throw error;
  }
}

function wrap(db: OptiInfraDatabase, url: string | undefined, drop: () => Promise<void>): TestDatabase {
  return {
    db,
    url,
    async inRollback(work) {
      try {
        await db.transaction(async (tx) => {
          await work(tx);
          tx.rollback();
        });
      } catch (error) {
        if (!(error instanceof TransactionRollbackError)) throw error;
      }
    },
    reset: () => truncateAllTables(db),
    async close() {
      await db.close();
      await drop();
    },
  };
}

/**
 * Starting PGlite and running the migrations costs seconds; loading a data directory that was migrated once
 * costs a fraction of that. The migrated directory is kept (by default in the OS temp folder) under a name
 * derived from the migrations and the PGlite version, so a schema change makes a new one.
 */
export async function openMigratedPglite(snapshotDir = tmpdir()): Promise<OptiInfraDatabase> {
  const snapshot = join(snapshotDir, `optiinfra-db-pglite-${migrationsFingerprint()}.tar`);
  if (existsSync(snapshot)) return createDb({ loadDataDir: new Blob([readFileSync(snapshot)]) });
  const db = await createDb();
  await migrate(db);
  const dump = await (db.$client as PGlite).dumpDataDir("none");
  // Parallel test files may race to write it: each writes its own file and the last rename wins, intact.
  const partial = `${snapshot}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, snapshot);
  return db;
}

function migrationsFingerprint(): string {
  const hashes = readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.hash);
  return createHash("sha256")
    .update([...hashes, pgliteVersion()].join("\n"))
    .digest("hex")
    .slice(0, 16);
}

/** PGlite does not export its package.json, so find it above its entry point. */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/** A new database on the server of `serverUrl`, reached through the same URL with another database name. */
async function createThrowawayDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `optiinfra_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await runOnServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnServer(serverUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const server = await createDb({ url: serverUrl, maxConnections: 1 });
  try {
    await server.execute(sql.raw(statement));
  } finally {
    await server.close();
  }
}
