import { asc } from "drizzle-orm";
import type { workflowSteps } from "../schema/workflow-history.js";

/**
 * How to load a workflow execution's steps in a relational query — by step_order, ties by created_at then id —
 * since Drizzle does not order a "many" relation by itself:
 * `db.query.workflowExecutions.findFirst({ with: { steps: orderedSteps } })`.
 */
export const orderedSteps = {
  orderBy: (steps: (typeof workflowSteps)["_"]["columns"]) => [
    asc(steps.stepOrder),
    asc(steps.createdAt),
    asc(steps.id),
  ],
} as const;
