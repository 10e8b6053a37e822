/**
 * The rows of a raw `db.execute()` result. node-postgres and PGlite both return `{ rows }`, but Drizzle types the
 * result per driver, so code written against either needs this one narrowing.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

/** The single row an `insert … returning()` or a lookup by key produced; throws when there is none. */
export function onlyRow<Row>(rows: Row[], what: string): Row {
  const [row] = rows;
  if (row === undefined) throw new Error(`Expected one ${what} row, got none.`);
  return row;
}
