import * as z from "zod";
import { scalingEventTypeSchema } from "./enums.js";
import { boundedString, idSchema, instanceIdSchema } from "./fields.js";
import type { InstantSchema } from "./instant.js";
import { jsonObjectSchema } from "./json-object.js";

const countSchema = z.int({ error: "must be a whole number" }).min(0, { error: "must not be negative" });
const percentSchema = z
  .number({ error: "must be a finite number" })
  .min(0, { error: "must be a percentage from 0 to 100" })
  .max(100, { error: "must be a percentage from 0 to 100" });
const nonNegativeSchema = z
  .number({ error: "must be a finite number" })
  .min(0, { error: "must not be negative" });
const instanceListSchema = z.array(instanceIdSchema, { error: "must be an array of instance ids" });

/**
 * A fleet's state before or after a scaling action. The keys the policy engine and the dashboards read
 * are typed; anything else an agent wants to record passes through unchanged.
 */
export const scalingStateSchema = z
  .object({
    instance_count: countSchema,
    target_instance_count: countSchema.optional(),
    instances: instanceListSchema.optional(),
    underutilized_instances: instanceListSchema.optional(),
    instances_added: countSchema.optional(),
    instances_in_maintenance: countSchema.optional(),
    workloads_migrated: countSchema.optional(),
    total_gpu_count: countSchema.optional(),
    avg_gpu_utilization: percentSchema.optional(),
    avg_utilization: percentSchema.optional(),
    projected_util_in_1h: percentSchema.optional(),
    cost_per_hour: nonNegativeSchema.optional(),
    current_rps: nonNegativeSchema.optional(),
    target_rps: nonNegativeSchema.optional(),
  })
  .loose()
  .meta({ title: "Scaling state", description: "A fleet's state before or after a scaling action." });

const errorDetailsSchema = z
  .object({
    error_type: boundedString(255, "must name the kind of error, such as InsufficientCapacity"),
    error_message: boundedString(2000, "must say what went wrong"),
  })
  .loose();

export function buildScalingEventSchema(instant: InstantSchema) {
  return z
    .object({
      event_type: scalingEventTypeSchema,
      trigger_reason: boundedString(500, "must say why the scaling happened"),
      before_state: scalingStateSchema,
      after_state: scalingStateSchema,
      success: z.boolean({ error: "must be true or false" }),
      error_details: errorDetailsSchema.nullable().optional(),
      executed_at: instant,
      completed_at: instant.nullable().optional(),
      metadata: jsonObjectSchema.optional(),
      workflow_execution_id: idSchema.nullable().optional(),
      agent_id: idSchema.optional(),
      customer_id: idSchema.optional(),
    })
    .superRefine((event, ctx) => {
      if (!event.success && !event.error_details) {
        ctx.addIssue({
          code: "custom",
          path: ["error_details"],
          message: "is required when success is false: give at least error_type and error_message",
        });
      }
      if (event.completed_at && event.completed_at < event.executed_at) {
        ctx.addIssue({ code: "custom", path: ["completed_at"], message: "must not be before executed_at" });
      }
    })
    .meta({
      title: "Scaling event",
      description:
        "A scaling action an agent took or refused. completed_at must not be before executed_at (checked by the zod validator only).",
      if: { properties: { success: { const: false } }, required: ["success"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
      then: { required: ["error_details"], properties: { error_details: { type: "object" } } },
    });
}

export type ScalingState = z.infer<typeof scalingStateSchema>;
export type ScalingStateInput = z.input<typeof scalingStateSchema>;
