import { afterAll, beforeAll, test } from "vitest";
import type { Database } from "../src/client.js";
import { type PostgresErrorFields, postgresErrorOf } from "../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../src/testing/database.js";

/**
 * One migrated database per test file, and a `test` whose `tx` fixture is a transaction rolled back after
 * the test, so tests see only their own rows.
 */
export function useTestDatabase() {
  const holder: { current?: TestDatabase } = {};
  beforeAll(async () => {
    holder.current = await createTestDatabase();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  const testDb = (): TestDatabase => {
    if (!holder.current) throw new Error("The test database is not open yet (use it inside a test or hook).");
    return holder.current;
  };
  const it = test.extend<{ tx: Database }>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest requires an object pattern for fixture arguments
    tx: async ({}, use) => {
      await testDb().inRollback((tx) => use(tx));
    },
  });
  return { it, testDb };
}

/**
 * The error PostgreSQL raised for `work`, run in a savepoint so the surrounding test transaction stays usable.
 * Fails when the database accepted the statement.
 */
export async function rejection(
  tx: Database,
  work: (tx: Database) => Promise<unknown>,
): Promise<PostgresErrorFields> {
  try {
    await tx.transaction(async (savepoint) => {
      await work(savepoint);
    });
  } catch (error) {
    const fields = postgresErrorOf(error);
    if (fields) return fields;
    throw error;
  }
  throw new Error("Expected the database to reject the statement, but it was accepted.");
}

export { HOUR_MS, MINUTE_MS } from "../src/seeds/phase.js";
