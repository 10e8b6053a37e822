import { relations } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, id, type JsonObject, timestamptz, updatedAt } from "./columns.js";
import { agents } from "./core.js";
import { workflowExecutions } from "./workflow-history.js";

// Phase 0.2b — agent state.

export const configTypeEnum = pgEnum("configtype", ["string", "integer", "float", "boolean", "json"]);
export const agentStatusDetailEnum = pgEnum("agentstatusdetail", [
  "idle",
  "busy",
  "processing",
  "waiting",
  "error",
]);
export const metricTypeEnum = pgEnum("metrictype", ["counter", "gauge", "histogram"]);

export const agentConfigs = pgTable(
  "agent_configs",
  {
    id: id(),
    agentId: uuid("agent_id").notNull(),
    configKey: varchar("config_key", { length: 255 }).notNull(),
    // Always text; read it according to config_type.
    configValue: text("config_value").notNull(),
    configType: configTypeEnum("config_type").notNull().default("string"),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "agent_configs_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    unique("uq_agent_config").on(t.agentId, t.configKey),
    index("idx_agent_config_key").on(t.configKey),
  ],
);

/** One row per agent. */
export const agentStates = pgTable(
  "agent_states",
  {
    id: id(),
    agentId: uuid("agent_id").notNull().unique("agent_states_agent_id_key"),
    currentStatus: agentStatusDetailEnum("current_status").notNull().default("idle"),
    activeWorkflows: jsonb("active_workflows").$type<string[]>().notNull().default([]),
    locks: jsonb("locks").$type<Record<string, boolean>>().notNull().default({}),
    lastActivity: timestamptz("last_activity").notNull().defaultNow(),
    resourceUsage: jsonb("resource_usage").$type<JsonObject>().default({}),
    metadata: jsonb("metadata").$type<JsonObject>().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Added by phase 0.2c's migration, so it is the last column, as in the reference schema.
    currentWorkflowId: uuid("current_workflow_id"),
  },
  (t) => [
    foreignKey({
      name: "agent_states_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "fk_agent_states_current_workflow",
      columns: [t.currentWorkflowId],
      foreignColumns: [workflowExecutions.id],
    }).onDelete("set null"),
    index("idx_agent_state_status").on(t.currentStatus),
    index("idx_agent_state_activity").on(t.lastActivity),
    index("ix_agent_states_current_workflow_id").on(t.currentWorkflowId),
  ],
);

export const agentCapabilities = pgTable(
  "agent_capabilities",
  {
    id: id(),
    agentId: uuid("agent_id").notNull(),
    capabilityName: varchar("capability_name", { length: 255 }).notNull(),
    capabilityVersion: varchar("capability_version", { length: 50 }).notNull().default("1.0.0"),
    enabled: boolean("enabled").notNull().default(true),
    config: jsonb("config").$type<JsonObject>().default({}),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "agent_capabilities_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    unique("uq_agent_capability").on(t.agentId, t.capabilityName),
    index("idx_agent_cap_name").on(t.capabilityName),
    index("idx_agent_cap_enabled").on(t.enabled),
  ],
);

export const agentMetrics = pgTable(
  "agent_metrics",
  {
    id: id(),
    agentId: uuid("agent_id").notNull(),
    metricName: varchar("metric_name", { length: 255 }).notNull(),
    metricValue: doublePrecision("metric_value").notNull(),
    metricType: metricTypeEnum("metric_type").notNull().default("gauge"),
    tags: jsonb("tags").$type<JsonObject>().default({}),
    recordedAt: timestamptz("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "agent_metrics_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    index("idx_agent_metric_name").on(t.metricName),
    index("idx_agent_metric_recorded").on(t.recordedAt),
    index("idx_agent_metric_agent_name").on(t.agentId, t.metricName),
    index("idx_agent_metric_agent_recorded").on(t.agentId, t.recordedAt),
  ],
);

export const agentConfigsRelations = relations(agentConfigs, ({ one }) => ({
  agent: one(agents, { fields: [agentConfigs.agentId], references: [agents.id] }),
}));

export const agentStatesRelations = relations(agentStates, ({ one }) => ({
  agent: one(agents, { fields: [agentStates.agentId], references: [agents.id] }),
  currentWorkflow: one(workflowExecutions, {
    fields: [agentStates.currentWorkflowId],
    references: [workflowExecutions.id],
  }),
}));

export const agentCapabilitiesRelations = relations(agentCapabilities, ({ one }) => ({
  agent: one(agents, { fields: [agentCapabilities.agentId], references: [agents.id] }),
}));

export const agentMetricsRelations = relations(agentMetrics, ({ one }) => ({
  agent: one(agents, { fields: [agentMetrics.agentId], references: [agents.id] }),
}));
