import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { agentCapabilities, agentConfigs, agentMetrics, agentStates } from "../schema/agent-state.js";
import { agents, approvals, customers, events, optimizations, recommendations } from "../schema/core.js";
import { resourceMetrics, scalingEvents } from "../schema/resource.js";
import { workflowArtifacts, workflowExecutions, workflowSteps } from "../schema/workflow-history.js";

/** Every table of the schema, in the order of spec §5 (phase by phase, parents first). */
export const allTables: readonly PgTable[] = [
  customers,
  agents,
  events,
  recommendations,
  approvals,
  optimizations,
  agentConfigs,
  agentStates,
  agentCapabilities,
  agentMetrics,
  workflowExecutions,
  workflowSteps,
  workflowArtifacts,
  resourceMetrics,
  scalingEvents,
];

/** Empties all 15 tables in one statement (the cascades between them make any order fail otherwise). */
export async function truncateAllTables(db: Database): Promise<void> {
  const tableList = sql.raw(allTables.map((table) => `"${getTableName(table)}"`).join(", "));
  await db.execute(sql`truncate ${tableList} restart identity cascade`);
}
