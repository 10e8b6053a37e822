import * as z from "zod";
import { agentStatusDetailSchema, agentStatusSchema } from "./enums.js";
import { boundedString, idSchema } from "./fields.js";
import type { InstantSchema } from "./instant.js";

const MAX_ACTIVE_WORKFLOWS = 100;

/** The agent's own footprint; the keys match the `agent_states.resource_usage` column. */
const resourceUsageSchema = z
  .object({
    cpu: z
      .number({ error: "must be the agent's CPU use in percent" })
      .min(0, { error: "must be a percentage from 0 to 100" })
      .max(100, { error: "must be a percentage from 0 to 100" }),
    memory: z
      .number({ error: "must be the agent's memory use in MB" })
      .min(0, { error: "must not be negative" }),
  })
  .loose();

export function buildHeartbeatSchema(instant: InstantSchema) {
  return z
    .object({
      agent_id: idSchema,
      status: agentStatusSchema,
      current_status: agentStatusDetailSchema,
      active_workflows: z
        .array(boundedString(255, "must be a workflow name"), {
          error: "must be an array of workflow names (empty when idle)",
        })
        .max(MAX_ACTIVE_WORKFLOWS, {
          error: `must list at most ${MAX_ACTIVE_WORKFLOWS} workflows`,
        }),
      resource_usage: resourceUsageSchema,
      timestamp: instant,
    })
    .meta({
      title: "Heartbeat",
      description: "What an agent reports every few seconds: its health, what it is doing and its footprint.",
    });
}
