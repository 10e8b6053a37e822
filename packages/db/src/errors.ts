import { DrizzleQueryError } from "drizzle-orm/errors";

export type DbErrorCode =
  | "invalid_database_url"
  | "database_unreachable"
  | "migration_failed"
  | "seed_prerequisite_missing"
  | "seed_failed";

/** A failure of this package, with a stable `code` and a message that says what to do about it. */
export class DbError extends Error {
  override readonly name = "DbError";
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The fields PostgreSQL (and PGlite, which speaks the same protocol) attach to a failed statement. */
export interface PostgresErrorFields {
  /** SQLSTATE, e.g. 23505 unique_violation, 23514 check_violation, 23503 foreign_key_violation. */
  code: string;
  message: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

/**
 * The PostgreSQL error behind `error`, looking through Drizzle's query wrapper; undefined when the error did
 * not come from the database.
 */
export function postgresErrorOf(error: unknown): PostgresErrorFields | undefined {
  const candidate = error instanceof DrizzleQueryError ? error.cause : error;
  if (typeof candidate !== "object" || candidate === null) return undefined;
  const { code, message } = candidate as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code) || typeof message !== "string")
    return undefined;
  return candidate as PostgresErrorFields;
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable URL>";
  }
}

/** What went wrong, in the database's own words when it was the database (Drizzle's wrapper only says "Failed query"). */
export function reasonOf(error: unknown): string {
  return postgresErrorOf(error)?.message ?? (error instanceof Error ? error.message : String(error));
}
