import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "fixtures/index": "src/fixtures/index.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
