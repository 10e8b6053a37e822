import * as z from "zod";

// Values and their order mirror the PostgreSQL enum types of spec/schema.md §3, so a parsed value
// can be written to the database as it is.

export const resourceTypeSchema = z.enum(["gpu", "cpu", "memory", "disk", "network"]);
export type ResourceType = z.infer<typeof resourceTypeSchema>;

export const scalingEventTypeSchema = z.enum([
  "scale_up",
  "scale_down",
  "auto_scale_triggered",
  "manual_scale",
  "scale_cancelled",
]);
export type ScalingEventType = z.infer<typeof scalingEventTypeSchema>;

/** `agentstatus`: the agent's health. There is no `active`; a working agent is `healthy`. */
export const agentStatusSchema = z.enum(["starting", "healthy", "degraded", "failed", "stopped"]);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** `agentstatusdetail`: what the agent is doing right now. */
export const agentStatusDetailSchema = z.enum(["idle", "busy", "processing", "waiting", "error"]);
export type AgentStatusDetail = z.infer<typeof agentStatusDetailSchema>;
