export * from "./agent-state.js";
export type { JsonObject, JsonValue } from "./columns.js";
export * from "./core.js";
export * from "./resource.js";
export * from "./workflow-history.js";
