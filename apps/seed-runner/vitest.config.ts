import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests start the CLI as a child process; each PGlite start takes seconds, a fresh one more.
    hookTimeout: 120_000,
    testTimeout: 120_000,
    coverage: {
      provider: "v8",
      // main.ts is the two-line entry the child processes run; coverage sees only this process.
      include: ["src/**/*.ts"],
      exclude: ["src/main.ts"],
      reporter: ["text"],
      thresholds: { lines: 95 },
    },
  },
});
