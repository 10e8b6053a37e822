import { defineConfig } from "vitest/config";
import { testDatabaseUrlFromEnv } from "./src/env.js";

const onPostgres = testDatabaseUrlFromEnv() !== undefined;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test file opens its own database; PGlite's first start in a fresh temp folder takes seconds.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text"],
      // The PostgreSQL run executes the code of both drivers (it runs the PGlite tests too) and carries the 95 %
      // gate. On PGlite alone the node-postgres paths — pool, COPY FROM STDIN, throwaway test databases —
      // cannot run, which leaves them uncovered by design.
      thresholds: { lines: onPostgres ? 95 : 88 },
    },
  },
});
