import { type SQL, sql } from "drizzle-orm";
import { scalingEvents } from "../schema/resource.js";

/**
 * How long a scaling event took, in seconds: `completed_at − executed_at`; null while either is unknown.
 * Never negative: the check `check_scaling_completed_after_executed` guarantees it.
 */
export function scalingEventDurationSeconds(event: {
  executedAt: Date | null;
  completedAt: Date | null;
}): number | null {
  if (!event.executedAt || !event.completedAt) return null;
  return (event.completedAt.getTime() - event.executedAt.getTime()) / 1000;
}

/**
 * The same duration as an SQL expression, for filters and aggregates such as
 * ``sql`avg(${scalingEventDurationSecondsSql})` ``. Cast to double precision so that both drivers return a
 * JavaScript number rather than a numeric string.
 */
export const scalingEventDurationSecondsSql: SQL<number | null> = sql<
  number | null
>`(extract(epoch from (${scalingEvents.completedAt} - ${scalingEvents.executedAt})))::double precision`;
