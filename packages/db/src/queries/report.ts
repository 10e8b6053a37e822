import { and, asc, count, desc, eq, getTableName, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { customers } from "../schema/core.js";
import { resourceMetrics, scalingEvents } from "../schema/resource.js";
import { rowsOf } from "../sql.js";
import { allTables } from "./maintenance.js";
import { scalingEventDurationSeconds, scalingEventDurationSecondsSql } from "./scaling-events.js";

/**
 * What is in the database, in the terms of the seed document's validation checklist: the numbers a person
 * looks at after seeding to see that the data is there and makes sense.
 */
export interface DatabaseReport {
  /** Rows per table, for all 15 tables, in the order of spec §5. */
  rowCounts: { table: string; rows: number }[];
  metricsByResourceType: { resourceType: string; metrics: number }[];
  scalingEventsByTypeAndSuccess: { eventType: string; success: boolean; events: number }[];
  /** Per instance, over its `gpu` / `utilization` metrics. */
  gpuUtilizationByInstance: { instanceId: string; samples: number; averagePercent: number }[];
  /** Over completed events only. */
  averageDurationByEventType: {
    eventType: string;
    success: boolean;
    events: number;
    averageSeconds: number;
  }[];
  resourceUsageByCustomer: { customer: string; metrics: number; scalingEvents: number }[];
  /** The newest GPU utilization sample; ties broken by instance id. */
  latestGpuUtilization: { instanceId: string; percent: number; timestamp: Date } | null;
  mostRecentScalingEvent: {
    eventType: string;
    success: boolean;
    triggerReason: string;
    executedAt: Date;
    durationSeconds: number | null;
  } | null;
}

const isGpuUtilization = and(
  eq(resourceMetrics.resourceType, "gpu"),
  eq(resourceMetrics.metricName, "utilization"),
);

export async function readDatabaseReport(db: Database): Promise<DatabaseReport> {
  const countsQuery = sql.join(
    allTables.map(
      (table) => sql`select ${getTableName(table)} as "table", count(*)::int as rows from ${table}`,
    ),
    sql` union all `,
  );
  const rowCounts = rowsOf<{ table: string; rows: number }>(await db.execute(countsQuery));

  const metricsByResourceType = await db
    .select({ resourceType: resourceMetrics.resourceType, metrics: count() })
    .from(resourceMetrics)
    .groupBy(resourceMetrics.resourceType)
    .orderBy(asc(resourceMetrics.resourceType));

  const scalingEventsByTypeAndSuccess = await db
    .select({ eventType: scalingEvents.eventType, success: scalingEvents.success, events: count() })
    .from(scalingEvents)
    .groupBy(scalingEvents.eventType, scalingEvents.success)
    .orderBy(asc(scalingEvents.eventType), desc(scalingEvents.success));

  const gpuUtilizationByInstance = await db
    .select({
      instanceId: resourceMetrics.instanceId,
      samples: count(),
      averagePercent: sql<number>`avg(${resourceMetrics.metricValue})`.mapWith(Number),
    })
    .from(resourceMetrics)
    .where(isGpuUtilization)
    .groupBy(resourceMetrics.instanceId)
    .orderBy(asc(resourceMetrics.instanceId));

  const averageDurationByEventType = await db
    .select({
      eventType: scalingEvents.eventType,
      success: scalingEvents.success,
      events: count(),
      averageSeconds: sql<number>`avg(${scalingEventDurationSecondsSql})`.mapWith(Number),
    })
    .from(scalingEvents)
    .where(isNotNull(scalingEvents.completedAt))
    .groupBy(scalingEvents.eventType, scalingEvents.success)
    .orderBy(asc(scalingEvents.eventType), desc(scalingEvents.success));

  const countsByCustomer = async (table: typeof resourceMetrics | typeof scalingEvents) =>
    new Map(
      (
        await db.select({ customerId: table.customerId, rows: count() }).from(table).groupBy(table.customerId)
      ).map((r) => [r.customerId, r.rows]),
    );
  const [metricsPerCustomer, eventsPerCustomer] = [
    await countsByCustomer(resourceMetrics),
    await countsByCustomer(scalingEvents),
  ];
  const resourceUsageByCustomer = (
    await db.select({ id: customers.id, name: customers.name }).from(customers).orderBy(asc(customers.name))
  ).map((c) => ({
    customer: c.name,
    metrics: metricsPerCustomer.get(c.id) ?? 0,
    scalingEvents: eventsPerCustomer.get(c.id) ?? 0,
  }));

  const [latest] = await db
    .select({
      instanceId: resourceMetrics.instanceId,
      percent: resourceMetrics.metricValue,
      timestamp: resourceMetrics.timestamp,
    })
    .from(resourceMetrics)
    .where(isGpuUtilization)
    .orderBy(desc(resourceMetrics.timestamp), asc(resourceMetrics.instanceId))
    .limit(1);

  const [recent] = await db
    .select()
    .from(scalingEvents)
    .orderBy(desc(scalingEvents.executedAt), asc(scalingEvents.id))
    .limit(1);

  return {
    rowCounts,
    metricsByResourceType,
    scalingEventsByTypeAndSuccess,
    gpuUtilizationByInstance,
    averageDurationByEventType,
    resourceUsageByCustomer,
    latestGpuUtilization: latest ?? null,
    mostRecentScalingEvent: recent
      ? {
          eventType: recent.eventType,
          success: recent.success,
          triggerReason: recent.triggerReason,
          executedAt: recent.executedAt,
          durationSeconds: scalingEventDurationSeconds(recent),
        }
      : null,
  };
}
