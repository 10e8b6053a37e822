import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** JSON as stored in jsonb columns. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `id uuid PRIMARY KEY DEFAULT gen_random_uuid()` (I-1): the database, not the client, makes ids. */
export const id = () => uuid("id").primaryKey().defaultRandom();

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();

/**
 * `updated_at` is refreshed by every UPDATE issued through Drizzle (I-4). `clock_timestamp()` rather than
 * `now()`: `now()` is frozen at the start of the transaction, so an update in the same transaction as the
 * insert would not move the timestamp.
 */
export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`clock_timestamp()`);
