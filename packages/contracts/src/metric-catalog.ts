import type { ResourceType } from "./enums.js";

export interface OtelMapping {
  /** The OpenTelemetry semantic-convention metric this one corresponds to. */
  readonly name: string;
  /** OTel's UCUM unit: `1` is a 0–1 ratio, `By` bytes, `Cel` degrees Celsius, `W` watts. */
  readonly unit: string;
  /** How our value differs from OTel's: scale, attributes to set, counter versus rate. */
  readonly note?: string;
}

export interface MetricDefinition {
  /** Accepted units; the first is the one producers should prefer. */
  readonly units: readonly [string, ...string[]];
  readonly min: number;
  /** Absent for metrics that have no natural upper bound (rates, sizes, power). */
  readonly max?: number;
  readonly description: string;
  readonly otel: OtelMapping;
}

const PERCENT_RANGE = { units: ["percent"], min: 0, max: 100 } as const;
const CELSIUS_RANGE = { units: ["celsius"], min: -50, max: 150 } as const;
const PERCENT_NOTE = "OTel reports a 0–1 ratio; we report percent (0–100): divide by 100.";

/**
 * The canonical metrics per resource type. A sample naming one of them must use one of its units and
 * stay in its range; any other well-formed metric name is a custom metric and is accepted as it is.
 */
export const metricCatalog = {
  gpu: {
    utilization: {
      ...PERCENT_RANGE,
      description: "Share of time the GPU's compute engines were busy.",
      otel: { name: "hw.gpu.utilization", unit: "1", note: PERCENT_NOTE },
    },
    memory_used: {
      units: ["GB", "MB"],
      min: 0,
      description: "GPU memory in use.",
      otel: {
        name: "hw.gpu.memory.usage",
        unit: "By",
        note: "OTel reports bytes; we report GB (10^9 bytes) or MB.",
      },
    },
    memory_total: {
      units: ["GB", "MB"],
      min: 0,
      description: "GPU memory installed.",
      otel: {
        name: "hw.gpu.memory.limit",
        unit: "By",
        note: "OTel reports bytes; we report GB (10^9 bytes) or MB.",
      },
    },
    temperature: {
      ...CELSIUS_RANGE,
      description: "GPU die temperature.",
      otel: { name: "hw.temperature", unit: "Cel", note: "A temperature sensor whose hw.parent is the GPU." },
    },
    power_draw: {
      units: ["W"],
      min: 0,
      description: "Power the GPU draws right now.",
      otel: { name: "hw.power", unit: "W", note: "With hw.type = gpu." },
    },
  },
  cpu: {
    utilization: {
      ...PERCENT_RANGE,
      description: "Share of time all logical CPUs were busy, averaged over them.",
      otel: { name: "system.cpu.utilization", unit: "1", note: PERCENT_NOTE },
    },
  },
  memory: {
    used: {
      units: ["GB", "MB"],
      min: 0,
      description: "Host memory in use.",
      otel: {
        name: "system.memory.usage",
        unit: "By",
        note: "With system.memory.state = used; OTel reports bytes, we report GB (10^9 bytes) or MB.",
      },
    },
    utilization: {
      ...PERCENT_RANGE,
      description: "Host memory in use as a share of the total.",
      otel: { name: "system.memory.utilization", unit: "1", note: PERCENT_NOTE },
    },
  },
  disk: {
    read_iops: {
      units: ["iops"],
      min: 0,
      description: "Read operations per second.",
      otel: {
        name: "system.disk.operations",
        unit: "{operation}",
        note: "With disk.io.direction = read; OTel's is a cumulative counter, ours its rate per second.",
      },
    },
    write_iops: {
      units: ["iops"],
      min: 0,
      description: "Write operations per second.",
      otel: {
        name: "system.disk.operations",
        unit: "{operation}",
        note: "With disk.io.direction = write; OTel's is a cumulative counter, ours its rate per second.",
      },
    },
    read_bytes: {
      units: ["B/s", "MB/s"],
      min: 0,
      description: "Bytes read per second.",
      otel: {
        name: "system.disk.io",
        unit: "By",
        note: "With disk.io.direction = read; OTel's is a cumulative counter, ours its rate per second.",
      },
    },
    write_bytes: {
      units: ["B/s", "MB/s"],
      min: 0,
      description: "Bytes written per second.",
      otel: {
        name: "system.disk.io",
        unit: "By",
        note: "With disk.io.direction = write; OTel's is a cumulative counter, ours its rate per second.",
      },
    },
  },
  network: {
    bandwidth_in: {
      units: ["Mbps"],
      min: 0,
      description: "Megabits received per second.",
      otel: {
        name: "system.network.io",
        unit: "By",
        note: "With network.io.direction = receive; OTel counts bytes cumulatively, ours is megabits per second.",
      },
    },
    bandwidth_out: {
      units: ["Mbps"],
      min: 0,
      description: "Megabits sent per second.",
      otel: {
        name: "system.network.io",
        unit: "By",
        note: "With network.io.direction = transmit; OTel counts bytes cumulatively, ours is megabits per second.",
      },
    },
  },
} as const satisfies Record<ResourceType, Record<string, MetricDefinition>>;

/** Own keys only: a custom metric named `constructor` must not find `Object.prototype.constructor`. */
export function findMetricDefinition(
  resourceType: ResourceType,
  metricName: string,
): MetricDefinition | undefined {
  const definitions: Record<string, MetricDefinition> = metricCatalog[resourceType];
  return Object.hasOwn(definitions, metricName) ? definitions[metricName] : undefined;
}
