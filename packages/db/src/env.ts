// The only module of this package that reads the environment.

/** The PostgreSQL URL services and the `db:migrate` script use; undefined means "no server configured". */
export function databaseUrlFromEnv(): string | undefined {
  return nonEmpty(process.env.DATABASE_URL);
}

/** The PostgreSQL server tests run against: `TEST_DATABASE_URL`, else `DATABASE_URL`; undefined means PGlite. */
export function testDatabaseUrlFromEnv(): string | undefined {
  return nonEmpty(process.env.TEST_DATABASE_URL) ?? databaseUrlFromEnv();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
