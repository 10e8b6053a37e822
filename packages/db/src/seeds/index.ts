import type { Database } from "../client.js";
import { seedAgentState } from "./agent-state.js";
import { seedCore } from "./core.js";
import type { PhaseSummary, SeedOptions, SeedPhaseName } from "./phase.js";
import { seedResourceSchema } from "./resource-schema.js";
import { seedWorkflowHistory } from "./workflow-history.js";

/** One phase of the demo data set, as the seed runner lists and runs them. */
export interface SeedPhase {
  name: SeedPhaseName;
  /** The schema phase it fills, as the spec numbers them. */
  schemaPhase: "0.2a" | "0.2b" | "0.2c" | "0.2d";
  seed: (db: Database, options: SeedOptions) => Promise<PhaseSummary>;
}

/** The demo data set's phases, in the order they must run (spec §8). */
export const demoSeedPhases: readonly SeedPhase[] = [
  { name: "core", schemaPhase: "0.2a", seed: seedCore },
  { name: "agent-state", schemaPhase: "0.2b", seed: seedAgentState },
  { name: "workflow-history", schemaPhase: "0.2c", seed: seedWorkflowHistory },
  { name: "resource-schema", schemaPhase: "0.2d", seed: seedResourceSchema },
];

/** Loads every phase of the demo data set, in order; idempotent. */
export async function seedDemo(db: Database, options: SeedOptions): Promise<PhaseSummary[]> {
  const summaries: PhaseSummary[] = [];
  for (const phase of demoSeedPhases) summaries.push(await phase.seed(db, options));
  return summaries;
}

export { seedAgentState } from "./agent-state.js";
export { apiKeyDigest, demoApiKeys, seedCore } from "./core.js";
export { demoAgentIds, demoCustomerIds } from "./ids.js";
export {
  type LoadProfileOptions,
  type LoadProfileSummary,
  loadInstanceIds,
  loadProfileRows,
  METRICS_PER_TICK,
  seedLoadProfile,
  validateLoadProfileOptions,
} from "./load-profile.js";
export type { PhaseSummary, SeedOptions, SeedPhaseName } from "./phase.js";
export { demoScalingWorkflowId, seedResourceSchema } from "./resource-schema.js";
export { seedWorkflowHistory } from "./workflow-history.js";
