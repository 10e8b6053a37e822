import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { OptiInfraDatabase } from "../client.js";
import type { NewResourceMetric } from "../types.js";

/** A run of resource-metric rows in PostgreSQL's COPY text format, ready to send. */
export interface CopyChunk {
  text: string;
  rows: number;
}

/** The columns a bulk load writes, in the order of `copyLine`; `id` and `created_at` come from their defaults. */
export const RESOURCE_METRIC_COPY_COLUMNS =
  "agent_id, customer_id, instance_id, resource_type, metric_name, metric_value, unit, timestamp, metadata";

/** One row as a line of COPY text format: tab-separated, with backslash, tab and newlines escaped. */
export function copyLine(row: NewResourceMetric): string {
  return [
    row.agentId,
    row.customerId,
    escapeCopyText(row.instanceId),
    row.resourceType,
    escapeCopyText(row.metricName),
    String(row.metricValue),
    escapeCopyText(row.unit),
    row.timestamp.toISOString(),
    escapeCopyText(JSON.stringify(row.metadata ?? {})),
  ].join("\t");
}

function escapeCopyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

/** What a bulk transaction can do: statements, whole scripts, and COPY of resource metrics. */
export interface BulkWriter {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several `;`-separated statements in one round trip. */
  exec(script: string): Promise<void>;
  /** Streams the chunks into `resource_metrics`; calls `onChunk` with the rows sent so far. Returns the row count. */
  copyResourceMetrics(chunks: Iterable<CopyChunk>, onChunk?: (rowsSoFar: number) => void): Promise<number>;
}

/**
 * Runs `work` in one transaction on one connection, with scripts and COPY available: `COPY … FROM STDIN` over node-postgres
 * (pg-copy-streams), `COPY … FROM '/dev/blob'` per chunk on PGlite. Either everything `work` wrote is committed
 * or nothing is.
 */
export async function inBulkTransaction<T>(
  db: OptiInfraDatabase,
  work: (writer: BulkWriter) => Promise<T>,
): Promise<T> {
  return db.backend === "postgres"
    ? inPostgresTransaction(db.$client, work)
    : inPgliteTransaction(db.$client, work);
}

async function inPostgresTransaction<T>(
  pool: Extract<OptiInfraDatabase, { backend: "postgres" }>["$client"],
  work: (writer: BulkWriter) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query("begin");
    const result = await work({
      query: async <Row>(text: string, params?: unknown[]) =>
        (await client.query(text, params)).rows as Row[],
      // Without parameters node-postgres uses the simple query protocol, which takes several statements.
      exec: async (script) => {
        await client.query(script);
      },
      copyResourceMetrics: async (chunks, onChunk) => {
        const copy = client.query(
          copyFrom(`copy resource_metrics (${RESOURCE_METRIC_COPY_COLUMNS}) from stdin`),
        );
        let rows = 0;
        const texts = function* () {
          for (const chunk of chunks) {
            yield chunk.text;
            rows += chunk.rows;
            onChunk?.(rows);
          }
        };
        await pipeline(Readable.from(texts(), { objectMode: false }), copy);
        return rows;
      },
    });
    await client.query("commit");
    return result;
  } catch (error) {
    failure = error as Error;
    await client.query("rollback").catch(() => {
      // The connection is broken; releasing it with the failure below discards it. The failure is what matters.
    });
    throw error;
  } finally {
    client.release(failure);
  }
}

async function inPgliteTransaction<T>(
  pglite: Extract<OptiInfraDatabase, { backend: "pglite" }>["$client"],
  work: (writer: BulkWriter) => Promise<T>,
): Promise<T> {
  return pglite.transaction((tx) =>
    work({
      query: async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows,
      exec: async (script) => {
        await tx.exec(script);
      },
      copyResourceMetrics: async (chunks, onChunk) => {
        let rows = 0;
        for (const chunk of chunks) {
          await tx.query(`copy resource_metrics (${RESOURCE_METRIC_COPY_COLUMNS}) from '/dev/blob'`, [], {
            blob: new Blob([chunk.text]),
          });
          rows += chunk.rows;
          onChunk?.(rows);
        }
        return rows;
      },
    }),
  );
}
