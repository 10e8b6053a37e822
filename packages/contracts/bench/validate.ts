import os from "node:os";
import { demoResourceMetrics } from "../src/fixtures/index.js";
import { metricBatchSchema } from "../src/index.js";
import { parseMetricBatchByHand } from "./baseline.js";

// Throughput of validating one 1000-sample batch, the size a collector sends, with zod and by hand.

const BATCH_SIZE = 1000;
const RUNS = 7;
const RUN_MS = 1000;

// The demo samples repeated: every catalogue metric kind of the seed, each with its metadata.
const demo = demoResourceMetrics(new Date()).map((metric) => metric.sample);
const batch = { samples: Array.from({ length: BATCH_SIZE }, (_, i) => demo[i % demo.length]) };

function validateWithZod(): void {
  if (!metricBatchSchema.safeParse(batch).success) throw new Error("the bench batch must be valid");
}

function validateByHand(): void {
  if (!parseMetricBatchByHand(batch)) throw new Error("the bench batch must be valid");
}

/** Samples per second of one run: as many batches as fit in RUN_MS. */
function runOnce(validateBatch: () => void): number {
  let batches = 0;
  let elapsed = 0;
  const start = performance.now();
  while (elapsed < RUN_MS) {
    validateBatch();
    batches++;
    elapsed = performance.now() - start;
  }
  return (batches * BATCH_SIZE) / (elapsed / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const format = (samplesPerSecond: number) =>
  `${Math.round(samplesPerSecond).toLocaleString("en-US")} samples/s`;

// Warm up so the JIT has settled, then alternate the two so a busy spell on the machine hits both alike.
for (let i = 0; i < 200; i++) {
  validateWithZod();
  validateByHand();
}
const zodRuns: number[] = [];
const handRuns: number[] = [];
for (let run = 0; run < RUNS; run++) {
  zodRuns.push(runOnce(validateWithZod));
  handRuns.push(runOnce(validateByHand));
}
const zodMedian = median(zodRuns);
const handMedian = median(handRuns);

const load = os
  .loadavg()
  .map((average) => average.toFixed(2))
  .join(" ");
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, node ${process.version}`,
);
// Other processes on a shared machine lower both numbers; the load average says how busy it was.
console.log(`load average (1, 5, 15 min): ${load}`);
console.log(`batch: ${BATCH_SIZE} samples, median of ${RUNS} runs of ${RUN_MS} ms each`);
console.log(`zod metricBatchSchema: ${format(zodMedian)}`);
console.log(`hand-written baseline: ${format(handMedian)}`);
console.log(`ratio zod / baseline: ${(zodMedian / handMedian).toFixed(2)}`);
