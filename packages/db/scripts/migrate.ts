// `DATABASE_URL=postgres://… pnpm --filter @optiinfra/db db:migrate`: applies every migration and exits 0.
import { createDb, DbError, databaseUrlFromEnv, migrate, redactUrl } from "../src/index.js";

const url = databaseUrlFromEnv();
if (!url) {
  console.error(
    "DATABASE_URL is not set. Run: DATABASE_URL=postgres://user:password@host:5432/db pnpm db:migrate",
  );
  process.exit(2);
}

let exitCode = 0;
const db = await createDb({ url }).catch((error: unknown) => {
  console.error(error instanceof DbError ? error.message : error);
  process.exit(1);
});
try {
  const { applied } = await migrate(db);
  console.log(
    applied.length === 0
      ? `${redactUrl(url)} is up to date.`
      : `Applied ${applied.length} migration(s) to ${redactUrl(url)}: ${applied.join(", ")}.`,
  );
} catch (error) {
  console.error(error instanceof DbError ? error.message : error);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
