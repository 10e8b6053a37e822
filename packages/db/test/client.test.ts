import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client.js";
import { databaseUrlFromEnv, testDatabaseUrlFromEnv } from "../src/env.js";
import { DbError, postgresErrorOf, redactUrl } from "../src/errors.js";
import { findMigrationsFolder, migrate, migrationsFolder } from "../src/migrate.js";
import { customers } from "../src/schema/index.js";
import { rowsOf } from "../src/sql.js";
import { createTestDatabase } from "../src/testing/database.js";

const ALL_MIGRATIONS = [
  "0000_core_schema",
  "0001_agent_state",
  "0002_workflow_history",
  "0003_resource_schema",
];
const serverUrl = testDatabaseUrlFromEnv();
const scratch = mkdtempSync(join(tmpdir(), "optiinfra-db-client-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function rejectionOf(promise: Promise<unknown>): Promise<DbError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DbError)) throw new Error(`expected a DbError, got ${String(error)}`);
  return error;
}

describe("createDb", () => {
  it("rejects a database URL that is not a URL, saying what one looks like", async () => {
    const error = await rejectionOf(createDb({ url: "localhost:5432/optiinfra" }));
    expect(error.code).toBe("invalid_database_url");
    expect(error.message).toContain("expected postgres://user:password@host:5432/database");
  });

  it("rejects a string that is no URL at all", async () => {
    const error = await rejectionOf(createDb({ url: "not a url" }));
    expect(error.code).toBe("invalid_database_url");
    expect(error.message).toBe(
      "The database URL <unparseable URL> is not a URL; expected postgres://user:password@host:5432/database.",
    );
  });

  it("rejects a URL of another database", async () => {
    const error = await rejectionOf(createDb({ url: "mysql://root@localhost/optiinfra" }));
    expect(error.code).toBe("invalid_database_url");
    expect(error.message).toContain("not mysql://");
  });

  it("reports a server that does not answer, without the password", async () => {
    const error = await rejectionOf(createDb({ url: "postgres://app:s3cret@127.0.0.1:1/optiinfra" }));
    expect(error.code).toBe("database_unreachable");
    expect(error.message).toContain("postgres://app:***@127.0.0.1:1/optiinfra");
    expect(error.message).not.toContain("s3cret");
  });

  it("reports a PGlite data directory it cannot use", async () => {
    const notADirectory = join(scratch, "a-file");
    writeFileSync(notADirectory, "not a database");
    const error = await rejectionOf(createDb({ dataDir: notADirectory }));
    expect(error.code).toBe("database_unreachable");
    expect(error.message).toContain(`Cannot open the embedded PGlite database in ${notADirectory}`);
  });

  it("keeps a PGlite database in its data directory across opens", async () => {
    const dataDir = join(scratch, "persisted");
    const first = await createDb({ dataDir });
    expect((await migrate(first)).applied).toEqual(ALL_MIGRATIONS);
    await first.insert(customers).values({ name: "Kept", email: "kept@example.com" });
    await first.close();

    const second = await createDb({ dataDir });
    expect((await migrate(second)).applied).toEqual([]);
    expect(await second.select({ name: customers.name }).from(customers)).toEqual([{ name: "Kept" }]);
    expect(second.backend).toBe("pglite");
    await second.close();
  });
});

describe("migrate", () => {
  it("applies the four phase migrations once; a second run is a no-op", async () => {
    const testDb = await createTestDatabase({ migrated: false });
    try {
      expect((await migrate(testDb.db)).applied).toEqual(ALL_MIGRATIONS);
      expect((await migrate(testDb.db)).applied).toEqual([]);
      const [row] = rowsOf<{ n: number }>(
        await testDb.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      );
      expect(row?.n).toBe(4);
    } finally {
      await testDb.close();
    }
  });

  it("writes nothing when a migration fails, and says so", async () => {
    const testDb = await createTestDatabase({ migrated: false });
    try {
      // A type that the first migration creates already exists: that migration fails half-way.
      await testDb.db.execute(sql`create type customerplan as enum ('legacy')`);
      const error = await rejectionOf(migrate(testDb.db));
      expect(error.code).toBe("migration_failed");
      expect(error.message).toContain('type "customerplan" already exists');
      const [tables] = rowsOf<{ n: number }>(
        await testDb.db.execute(
          sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`,
        ),
      );
      expect(tables?.n).toBe(0);
    } finally {
      await testDb.close();
    }
  });

  it("finds the package's drizzle folder, and says so when a package lacks one", () => {
    expect(migrationsFolder().endsWith(join("packages", "db", "drizzle"))).toBe(true);
    expect(() => findMigrationsFolder(scratch)).toThrow(
      `No drizzle/meta/_journal.json in or above ${scratch}: the package was installed without its migrations.`,
    );
  });

  it.runIf(serverUrl)(
    "serializes concurrent migrators on PostgreSQL: one applies, the others wait and skip",
    async () => {
      const testDb = await createTestDatabase({ migrated: false });
      const others = await Promise.all(
        [1, 2].map(() => createDb({ url: testDb.url as string, maxConnections: 1 })),
      );
      try {
        const results = await Promise.all([testDb.db, ...others].map((db) => migrate(db)));
        expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([
          ALL_MIGRATIONS,
          [],
          [],
        ]);
        const [row] = await testDb.db.select({ n: count() }).from(customers);
        expect(row?.n).toBe(0);
      } finally {
        await Promise.all(others.map((db) => db.close()));
        await testDb.close();
      }
    },
  );
});

describe("errors and environment", () => {
  it("postgresErrorOf looks through Drizzle's wrapper and ignores errors that are not the database's", async () => {
    const testDb = await createTestDatabase();
    try {
      const failure = await testDb.db.execute(sql`select 1/0`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(postgresErrorOf(failure)).toMatchObject({ code: "22012", message: "division by zero" });
      expect(postgresErrorOf(new Error("plain"))).toBeUndefined();
      expect(postgresErrorOf("text")).toBeUndefined();
    } finally {
      await testDb.close();
    }
  });

  it("redactUrl hides passwords and refuses to echo what is not a URL", () => {
    expect(redactUrl("postgres://u:p@h:5432/d")).toBe("postgres://u:***@h:5432/d");
    expect(redactUrl("postgres://h/d")).toBe("postgres://h/d");
    expect(redactUrl("not a url")).toBe("<unparseable URL>");
  });

  it("reads DATABASE_URL and TEST_DATABASE_URL, preferring the test one for tests and ignoring blanks", () => {
    const saved = {
      DATABASE_URL: process.env.DATABASE_URL,
      TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    };
    try {
      process.env.DATABASE_URL = " postgres://app@h/d ";
      process.env.TEST_DATABASE_URL = "";
      expect([databaseUrlFromEnv(), testDatabaseUrlFromEnv()]).toEqual([
        "postgres://app@h/d",
        "postgres://app@h/d",
      ]);
      process.env.TEST_DATABASE_URL = "postgres://test@h/t";
      expect(testDatabaseUrlFromEnv()).toBe("postgres://test@h/t");
      delete process.env.DATABASE_URL;
      delete process.env.TEST_DATABASE_URL;
      expect([databaseUrlFromEnv(), testDatabaseUrlFromEnv()]).toEqual([undefined, undefined]);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
