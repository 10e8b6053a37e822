import * as z from "zod";
import {
  heartbeatSchema,
  metricBatchSchema,
  metricSampleSchema,
  scalingEventSchema,
} from "./contract-schemas.js";
import { scalingStateSchema } from "./scaling-event.js";

/** Where each payload's JSON Schema is published: `@optiinfra/contracts/json-schema/<name>.json`. */
export const payloadSchemas = {
  "metric-sample": metricSampleSchema,
  "metric-batch": metricBatchSchema,
  "scaling-state": scalingStateSchema,
  "scaling-event": scalingEventSchema,
  heartbeat: heartbeatSchema,
} as const;

export type PayloadName = keyof typeof payloadSchemas;

/**
 * The wire (input) side of a payload schema as JSON Schema 2020-12. The only `z.custom` schema in the
 * contracts is the bounded JSON object, whose JSON Schema comes from its own metadata.
 */
export function toPayloadJsonSchema(name: PayloadName) {
  return z.toJSONSchema(payloadSchemas[name], {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === "custom" ? "any" : "throw"),
  });
}
