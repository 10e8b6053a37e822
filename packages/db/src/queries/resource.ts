import type { MetricSample, ScalingEvent as ScalingEventPayload } from "@optiinfra/contracts";
import type { JsonObject } from "../schema/columns.js";
import type { NewResourceMetric, NewScalingEvent } from "../types.js";

/** Whose measurement or decision it is: payloads name them at the batch level, rows on every row. */
export interface Owners {
  agentId: string;
  customerId: string;
}

/** The `resource_metrics` row for a validated metric sample. */
export function resourceMetricRow(sample: MetricSample, owners: Owners): NewResourceMetric {
  return {
    ...owners,
    instanceId: sample.instance_id,
    resourceType: sample.resource_type,
    metricName: sample.metric_name,
    metricValue: sample.value,
    unit: sample.unit,
    timestamp: sample.timestamp,
    metadata: (sample.metadata ?? {}) as JsonObject,
  };
}

/** The `scaling_events` row for a validated scaling-event payload. */
export function scalingEventRow(event: ScalingEventPayload, owners: Owners): NewScalingEvent {
  return {
    ...owners,
    workflowExecutionId: event.workflow_execution_id ?? null,
    eventType: event.event_type,
    triggerReason: event.trigger_reason,
    beforeState: event.before_state as JsonObject,
    afterState: event.after_state as JsonObject,
    success: event.success,
    errorDetails: (event.error_details ?? null) as JsonObject | null,
    executedAt: event.executed_at,
    completedAt: event.completed_at ?? null,
    metadata: (event.metadata ?? {}) as JsonObject,
  };
}
