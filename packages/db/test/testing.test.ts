import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { migrate } from "../src/migrate.js";
import { allTables } from "../src/queries/maintenance.js";
import * as schema from "../src/schema/index.js";
import { customers } from "../src/schema/index.js";
import { createTestDatabase, openMigratedPglite } from "../src/testing/database.js";
import { sampleCustomer, sampleResourceAgent } from "../src/testing/fixtures.js";

// The fixtures other workspaces' tests stand on: `@optiinfra/db/testing`.

describe("createTestDatabase on PGlite", () => {
  it("gives a migrated, empty database; inRollback leaves nothing behind; reset empties committed rows", async () => {
    const testDb = await createTestDatabase({ serverUrl: undefined });
    try {
      expect(testDb.db.backend).toBe("pglite");
      expect(testDb.url).toBeUndefined();
      const customerCount = async () => (await testDb.db.select({ n: count() }).from(customers))[0]?.n;
      expect(await customerCount()).toBe(0);
      await testDb.inRollback(async (tx) => {
        await sampleCustomer(tx);
        expect((await tx.select({ n: count() }).from(customers))[0]?.n).toBe(1);
      });
      expect(await customerCount()).toBe(0);
      await sampleCustomer(testDb.db);
      expect(await customerCount()).toBe(1);
      await testDb.reset();
      expect(await customerCount()).toBe(0);
    } finally {
      await testDb.close();
    }
  });

  it("inRollback passes on a failure of the work, after rolling back", async () => {
    const testDb = await createTestDatabase({ serverUrl: undefined });
    try {
      await expect(
        testDb.inRollback(async (tx) => {
          await sampleCustomer(tx);
          throw new Error("work failed");
        }),
      ).rejects.toThrow("work failed");
      expect((await testDb.db.select({ n: count() }).from(customers))[0]?.n).toBe(0);
    } finally {
      await testDb.close();
    }
  });

  it("can give an unmigrated database", async () => {
    const testDb = await createTestDatabase({ serverUrl: undefined, migrated: false });
    try {
      await expect(testDb.db.select().from(customers)).rejects.toThrow();
    } finally {
      await testDb.close();
    }
  });
});

describe("createTestDatabase on PostgreSQL", () => {
  it("fails with the connection error when the server does not answer", async () => {
    await expect(
      createTestDatabase({ serverUrl: "postgres://postgres@127.0.0.1:1/postgres" }),
    ).rejects.toMatchObject({
      code: "database_unreachable",
      message: expect.stringContaining(
        "Cannot connect to PostgreSQL at postgres://postgres@127.0.0.1:1/postgres",
      ),
    });
  });
});

describe("the migrated PGlite snapshot", () => {
  it("is written on first use and loaded after, with the same schema", async () => {
    const snapshotDir = mkdtempSync(join(tmpdir(), "optiinfra-db-snapshot-"));
    try {
      const first = await openMigratedPglite(snapshotDir);
      await first.close();
      expect(readdirSync(snapshotDir).filter((f) => f.endsWith(".tar")).length).toBe(1);
      const second = await openMigratedPglite(snapshotDir);
      expect((await migrate(second)).applied).toEqual([]);
      await second.close();
    } finally {
      rmSync(snapshotDir, { recursive: true, force: true });
    }
  });
});

describe("allTables", () => {
  it("lists every table the schema exports, once", () => {
    const exported = Object.values(schema).filter((value) => is(value, PgTable));
    expect(allTables.length).toBe(15);
    expect(new Set(allTables)).toEqual(new Set(exported));
  });
});

describe("fixtures", () => {
  it("sampleResourceAgent gets the same agent on every call (get-or-create)", async () => {
    const testDb = await createTestDatabase();
    try {
      const first = await sampleResourceAgent(testDb.db);
      const second = await sampleResourceAgent(testDb.db);
      expect(second).toEqual(first);
      expect(first).toMatchObject({ type: "resource", name: "resource-test-agent", status: "healthy" });
    } finally {
      await testDb.close();
    }
  });
});
