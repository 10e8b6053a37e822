import type { OptiInfraDatabase } from "../client.js";
import { DbError, reasonOf } from "../errors.js";
import { type CopyChunk, copyLine, inBulkTransaction } from "../queries/bulk.js";
import type { NewResourceMetric } from "../types.js";
import { fromCorePhase } from "./core.js";
import { demoAgentIds, demoCustomerIds } from "./ids.js";
import { assertPresent, DAY_MS, HOUR_MS, type Prerequisite, SEED_LOCK_KEY } from "./phase.js";

// The "load" profile: synthetic resource metrics in bulk, for benchmarks and demos of scale. Realistic
// enough to exercise what the agents look for — daily GPU cycles with bursts, idle instances that could be
// consolidated, temperature and memory that follow utilization — and deterministic for a given seed.

export interface LoadProfileOptions {
  /** Rows to write. */
  metrics: number;
  instances: number;
  /** The span the samples cover, ending at `now`. */
  days: number;
  /** Same seed, same rows. */
  seed: number;
  now: Date;
}

/** Metrics each instance reports per sampling tick; see `tickSamples`. */
export const METRICS_PER_TICK = 9;

/** Rows go to the database in chunks of this many: big enough to amortize a round trip, small enough to stream. */
const CHUNK_ROWS = 10_000;

/** The share of instances that idle all the time: the candidates for consolidation. */
const IDLE_SHARE = 0.12;

/** Throws a `DbError` naming the option (as the seed runner spells it) when a value is out of range. */
export function validateLoadProfileOptions(options: Omit<LoadProfileOptions, "now">): void {
  const positiveInteger = (name: string, value: number, max: number) => {
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new DbError("seed_failed", `--${name} must be a whole number from 1 to ${max}, not ${value}.`);
    }
  };
  positiveInteger("metrics", options.metrics, 100_000_000);
  positiveInteger("instances", options.instances, 100_000);
  positiveInteger("days", options.days, 3650);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffff_ffff) {
    throw new DbError(
      "seed_failed",
      `--seed must be a whole number from 0 to 4294967295, not ${options.seed}.`,
    );
  }
}

/** The instance ids of a profile: `i-load-<seed>-0001` …, so a rerun with the same seed can find its rows. */
export function loadInstanceIds(options: Pick<LoadProfileOptions, "instances" | "seed">): string[] {
  const width = Math.max(4, String(options.instances).length);
  return Array.from(
    { length: options.instances },
    (_, i) => `i-load-${options.seed}-${String(i + 1).padStart(width, "0")}`,
  );
}

interface InstanceProfile {
  instanceId: string;
  customerId: string;
  idle: boolean;
  gpuMemoryGb: number;
  maxPowerW: number;
  /** Hour of day (UTC) of the daily peak. */
  peakHour: number;
  baseUtilization: number;
  dailyAmplitude: number;
  metadata: { profile: "load"; seed: number; gpu_model: string };
  burstTicksLeft: number;
  burstHeight: number;
}

/**
 * The rows of the profile, oldest tick first and within a tick instance by instance, as samples arrive. Exactly
 * `options.metrics` rows: the last tick may be partial.
 */
export function* loadProfileRows(options: LoadProfileOptions): Generator<NewResourceMetric> {
  validateLoadProfileOptions(options);
  const random = mulberry32(options.seed);
  const instances = loadInstanceIds(options).map((instanceId): InstanceProfile => {
    const h100 = random() < 0.6;
    return {
      instanceId,
      customerId: random() < 0.8 ? demoCustomerIds.acme : demoCustomerIds.techstart,
      idle: random() < IDLE_SHARE,
      gpuMemoryGb: h100 ? 80 : 40,
      maxPowerW: h100 ? 700 : 400,
      peakHour: 9 + Math.floor(random() * 9),
      baseUtilization: 45 + random() * 25,
      dailyAmplitude: 15 + random() * 15,
      metadata: { profile: "load", seed: options.seed, gpu_model: h100 ? "NVIDIA H100" : "NVIDIA A100" },
      burstTicksLeft: 0,
      burstHeight: 0,
    };
  });
  const ticks = Math.ceil(options.metrics / (options.instances * METRICS_PER_TICK));
  const spanMs = options.days * DAY_MS;
  const intervalMs = spanMs / ticks;
  const start = options.now.getTime() - spanMs;
  let remaining = options.metrics;
  for (let tick = 1; tick <= ticks; tick++) {
    const timestamp = new Date(Math.round(start + tick * intervalMs));
    const hourOfDay = (timestamp.getTime() % DAY_MS) / HOUR_MS;
    for (const instance of instances) {
      for (const row of tickSamples(instance, timestamp, hourOfDay, random)) {
        if (remaining-- === 0) return;
        yield row;
      }
    }
  }
}

function tickSamples(instance: InstanceProfile, timestamp: Date, hourOfDay: number, random: () => number) {
  const noise = (spread: number) => (random() * 2 - 1) * spread;
  if (instance.burstTicksLeft > 0) {
    instance.burstTicksLeft--;
  } else if (!instance.idle && random() < 0.02) {
    instance.burstTicksLeft = 2 + Math.floor(random() * 5);
    instance.burstHeight = 20 + random() * 15;
  }
  const burst = instance.burstTicksLeft > 0 ? instance.burstHeight : 0;
  const daily = Math.cos((2 * Math.PI * (hourOfDay - instance.peakHour)) / 24);
  const gpu = instance.idle
    ? clamp(3 + noise(2), 0, 100)
    : clamp(instance.baseUtilization + instance.dailyAmplitude * daily + noise(5) + burst, 0, 100);
  const load = gpu / 100;
  const sample = (
    resourceType: NewResourceMetric["resourceType"],
    metricName: string,
    value: number,
    unit: string,
  ) => ({
    agentId: demoAgentIds.resource,
    customerId: instance.customerId,
    instanceId: instance.instanceId,
    resourceType,
    metricName,
    metricValue: round2(value),
    unit,
    timestamp,
    metadata: instance.metadata,
  });
  return [
    sample("gpu", "utilization", gpu, "percent"),
    sample("gpu", "temperature", clamp(32 + 50 * load + noise(1.5), -50, 150), "celsius"),
    sample("gpu", "memory_used", instance.gpuMemoryGb * clamp(0.15 + 0.75 * load + noise(0.02), 0, 1), "GB"),
    sample("gpu", "power_draw", instance.maxPowerW * clamp(0.1 + 0.85 * load + noise(0.02), 0, 1), "W"),
    sample("cpu", "utilization", clamp(10 + 60 * load + noise(4), 0, 100), "percent"),
    sample("memory", "used", clamp(40 + 150 * load + noise(3), 0, 256), "GB"),
    sample("disk", "read_iops", Math.max(0, 300 + 4000 * load + noise(150)), "iops"),
    sample("network", "bandwidth_in", Math.max(0, 200 + 4500 * load + noise(120)), "Mbps"),
    sample("network", "bandwidth_out", Math.max(0, 150 + 3000 * load + noise(100)), "Mbps"),
  ];
}

/** The profile's rows as COPY text, `CHUNK_ROWS` at a time. */
export function* loadProfileChunks(options: LoadProfileOptions): Generator<CopyChunk> {
  let lines: string[] = [];
  for (const row of loadProfileRows(options)) {
    lines.push(copyLine(row));
    if (lines.length === CHUNK_ROWS) {
      yield { text: `${lines.join("\n")}\n`, rows: lines.length };
      lines = [];
    }
  }
  if (lines.length > 0) yield { text: `${lines.join("\n")}\n`, rows: lines.length };
}

const prerequisites: Prerequisite[] = [
  fromCorePhase.resourceAgent,
  fromCorePhase.acme,
  fromCorePhase.techstart,
];

export interface LoadProfileSummary {
  rows: number;
  /** Rows of an earlier load with the same seed that this one replaced. */
  replaced: number;
  seconds: number;
}

/**
 * Writes the load profile in one transaction, replacing an earlier load with the same seed, so running it
 * twice leaves the same rows. Needs the core phase (the demo customers and resource agent).
 */
export async function seedLoadProfile(
  db: OptiInfraDatabase,
  options: LoadProfileOptions,
  onProgress?: (rowsWritten: number) => void,
): Promise<LoadProfileSummary> {
  validateLoadProfileOptions(options);
  await assertPresent(db, "The load profile", prerequisites);
  const started = performance.now();
  try {
    return await inBulkTransaction(db, async (writer) => {
      await writer.query("select pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
      const [deleted] = await writer.query<{ rows: number }>(
        "with gone as (delete from resource_metrics where instance_id = any($1) returning 1) select count(*)::int as rows from gone",
        [loadInstanceIds(options)],
      );
      const rows = await writer.copyResourceMetrics(loadProfileChunks(options), onProgress);
      return { rows, replaced: deleted?.rows ?? 0, seconds: (performance.now() - started) / 1000 };
    });
  } catch (error) {
    throw new DbError(
      "seed_failed",
      `Writing the load profile failed: ${reasonOf(error)}. Nothing was written.`,
      {
        cause: error,
      },
    );
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A small, fast, seedable PRNG (Tommy Ettinger's Mulberry32): the same seed gives the same sequence everywhere. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
