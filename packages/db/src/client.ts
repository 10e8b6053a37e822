import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { DbError, reasonOf, redactUrl } from "./errors.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;

/**
 * A database or a transaction: what every function of this package takes first. Both drivers (node-postgres
 * and PGlite) give the same query builder and relational API (`db.query.*`).
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type Backend = OptiInfraDatabase["backend"];

/** A database handle from `createDb`: use it as a `Database`, and `close()` it when done. */
export type OptiInfraDatabase = Database & { close(): Promise<void> } & (
    | { readonly backend: "postgres"; readonly $client: pg.Pool }
    | { readonly backend: "pglite"; readonly $client: PGlite }
  );

export type CreateDbOptions =
  /** PostgreSQL at `url` (node-postgres pool of at most `maxConnections`, default 10). */
  | { url: string; maxConnections?: number }
  /** Embedded PGlite: in memory, or persisted in `dataDir`. `loadDataDir` starts it from a `dumpDataDir()` tarball. */
  | { url?: undefined; dataDir?: string; loadDataDir?: Blob };

/**
 * Opens the database and checks that it answers, so a wrong URL or a stopped server fails here with a
 * `DbError` rather than at the first query.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<OptiInfraDatabase> {
  return options.url === undefined ? openPglite(options) : openPostgres(options.url, options.maxConnections);
}

async function openPostgres(url: string, maxConnections = 10): Promise<OptiInfraDatabase> {
  assertPostgresUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that crashes the process.
  pool.on("error", () => {});
  try {
    await pool.query("select 1");
  } catch (cause) {
    await pool.end();
    throw new DbError(
      "database_unreachable",
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reasonOf(cause)}. Check that the server is running and the URL is right.`,
      { cause },
    );
  }
  const db: Database = drizzleNodePostgres({ client: pool, schema });
  return Object.assign(db, { backend: "postgres" as const, $client: pool, close: () => pool.end() });
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<OptiInfraDatabase> {
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
  } catch (cause) {
    throw new DbError(
      "database_unreachable",
      `Cannot open the embedded PGlite database${options.dataDir ? ` in ${options.dataDir}` : ""}: ${reasonOf(cause)}. Is another process using that data directory?`,
      { cause },
    );
  }
  const db: Database = drizzlePglite({ client, schema });
  return Object.assign(db, { backend: "pglite" as const, $client: client, close: () => client.close() });
}

function assertPostgresUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch (cause) {
    throw new DbError(
      "invalid_database_url",
      `The database URL ${redactUrl(url)} is not a URL; expected postgres://user:password@host:5432/database.`,
      { cause },
    );
  }
  if (protocol !== "postgres:" && protocol !== "postgresql:") {
    throw new DbError(
      "invalid_database_url",
      `The database URL must start with postgres:// or postgresql://, not ${protocol}//; expected postgres://user:password@host:5432/database.`,
    );
  }
}
