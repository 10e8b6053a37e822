import { defineConfig } from "drizzle-kit";

// drizzle-kit reads the schema and writes migrations; it never needs a live database for that.
// `db:migrate` applies migrations through this package's own `migrate()` (scripts/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  strict: true,
});
