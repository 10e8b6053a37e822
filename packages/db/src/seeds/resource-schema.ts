import { createContractSchemas } from "@optiinfra/contracts";
import { demoResourceMetrics, demoScalingEvents } from "@optiinfra/contracts/fixtures";
import type { Database } from "../client.js";
import { resourceMetricRow, scalingEventRow } from "../queries/resource.js";
import { resourceMetrics, scalingEvents } from "../schema/resource.js";
import { workflowExecutions } from "../schema/workflow-history.js";
import { fromCorePhase } from "./core.js";
import { demoAgentIds as agent, demoCustomerIds as customer } from "./ids.js";
import {
  demoRowId,
  HOUR_MS,
  insertMissing,
  MINUTE_MS,
  minus,
  type PhaseSummary,
  type Prerequisite,
  runPhase,
  type SeedOptions,
} from "./phase.js";

// Phase 0.2d (spec §8.4): 126 resource metrics, the scaling workflow, 8 scaling events. The metrics and events
// are the contract fixtures, parsed by the contracts exactly as an agent's payload would be.

const prerequisites: Prerequisite[] = [
  fromCorePhase.acme,
  fromCorePhase.techstart,
  fromCorePhase.resourceAgent,
];

/** The scaling_decision execution behind scaling event 1; the 4th workflow execution of the demo data. */
export const demoScalingWorkflowId = demoRowId(11, 4);

export function seedResourceSchema(db: Database, { now }: SeedOptions): Promise<PhaseSummary> {
  // The fixtures are relative to `now`, which may lie ahead of the real clock.
  const contracts = createContractSchemas({ now: () => now.getTime() });
  const metrics = demoResourceMetrics(now).map(({ sample, agent_id, customer_id }, i) => ({
    ...resourceMetricRow(contracts.metricSampleSchema.parse(sample), {
      agentId: agent_id,
      customerId: customer_id,
    }),
    id: demoRowId(14, i + 1),
    createdAt: now,
  }));
  const events = demoScalingEvents(now).map(
    ({ event, agent_id, customer_id, linkedToScalingWorkflow }, i) => ({
      ...scalingEventRow(contracts.scalingEventSchema.parse(event), {
        agentId: agent_id,
        customerId: customer_id,
      }),
      workflowExecutionId: linkedToScalingWorkflow ? demoScalingWorkflowId : null,
      id: demoRowId(15, i + 1),
      createdAt: now,
      updatedAt: now,
    }),
  );
  return runPhase(db, "resource-schema", prerequisites, async (tx) => ({
    resource_metrics: await insertMissing(tx, resourceMetrics, metrics),
    // Before the events: event 1 refers to it.
    workflow_executions: await insertMissing(tx, workflowExecutions, [
      {
        id: demoScalingWorkflowId,
        workflowType: "scaling_decision",
        status: "completed",
        agentId: agent.resource,
        customerId: customer.acme,
        startedAt: minus(now, 6 * HOUR_MS),
        completedAt: minus(now, 5 * HOUR_MS + 45 * MINUTE_MS),
        inputData: { trigger: "high_gpu_utilization", threshold: 85.0, current_avg_util: 88.2 },
        outputData: { decision: "scale_up", instances_added: 2, new_total_instances: 5 },
        metadata: {},
        createdAt: now,
        updatedAt: now,
      },
    ]),
    scaling_events: await insertMissing(tx, scalingEvents, events),
  }));
}
