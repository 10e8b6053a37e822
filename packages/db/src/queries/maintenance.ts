import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import * as schema from "../schema/index.js";

/** Every table of the schema, in declaration order. */
export const allTables: PgTable[] = Object.values(schema as Record<string, unknown>).filter(
  (value): value is PgTable => is(value, PgTable),
);

/** Empties all 15 tables in one statement (the cascades between them make any order fail otherwise). */
export async function truncateAllTables(db: Database): Promise<void> {
  const tableList = sql.raw(allTables.map((table) => `"${getTableName(table)}"`).join(", "));
  await db.execute(sql`truncate ${tableList} restart identity cascade`);
}
