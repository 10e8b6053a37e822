import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { createdAt, id, type JsonObject, timestamptz, updatedAt } from "./columns.js";
import { agents, customers } from "./core.js";
import { workflowExecutions } from "./workflow-history.js";

// Phase 0.2d — resource schema.

export const resourceTypeEnum = pgEnum("resource_type", ["gpu", "cpu", "memory", "disk", "network"]);
export const scalingEventTypeEnum = pgEnum("scaling_event_type", [
  "scale_up",
  "scale_down",
  "auto_scale_triggered",
  "manual_scale",
  "scale_cancelled",
]);

export const resourceMetrics = pgTable(
  "resource_metrics",
  {
    id: id(),
    agentId: uuid("agent_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    instanceId: varchar("instance_id", { length: 255 }).notNull(),
    resourceType: resourceTypeEnum("resource_type").notNull(),
    metricName: varchar("metric_name", { length: 100 }).notNull(),
    metricValue: doublePrecision("metric_value").notNull(),
    unit: varchar("unit", { length: 50 }).notNull(),
    // When the measurement was taken; the caller always supplies it (no default, I-3).
    timestamp: timestamptz("timestamp").notNull(),
    metadata: jsonb("metadata").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "resource_metrics_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "resource_metrics_customer_id_fkey",
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete("cascade"),
    // PostgreSQL orders NaN above +Infinity, so these two bounds reject NaN as well (I-8).
    check(
      "check_metric_value_finite",
      sql`metric_value > '-Infinity'::double precision AND metric_value < 'Infinity'::double precision`,
    ),
    index("ix_resource_metrics_metric_name").on(t.metricName),
    index("ix_resource_metrics_timestamp").on(t.timestamp),
    index("ix_resource_metrics_agent_instance").on(t.agentId, t.instanceId),
    index("ix_resource_metrics_customer_type").on(t.customerId, t.resourceType),
    index("ix_resource_metrics_instance_timestamp").on(t.instanceId, t.timestamp),
    index("ix_resource_metrics_type_name").on(t.resourceType, t.metricName),
  ],
);

export const scalingEvents = pgTable(
  "scaling_events",
  {
    id: id(),
    agentId: uuid("agent_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    workflowExecutionId: uuid("workflow_execution_id"),
    eventType: scalingEventTypeEnum("event_type").notNull(),
    triggerReason: varchar("trigger_reason", { length: 500 }).notNull(),
    beforeState: jsonb("before_state").$type<JsonObject>().notNull(),
    afterState: jsonb("after_state").$type<JsonObject>().notNull(),
    success: boolean("success").notNull().default(false),
    errorDetails: jsonb("error_details").$type<JsonObject>(),
    executedAt: timestamptz("executed_at").notNull(),
    completedAt: timestamptz("completed_at"),
    metadata: jsonb("metadata").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "scaling_events_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "scaling_events_customer_id_fkey",
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete("cascade"),
    // The scaling history outlives the workflow that decided it.
    foreignKey({
      name: "scaling_events_workflow_execution_id_fkey",
      columns: [t.workflowExecutionId],
      foreignColumns: [workflowExecutions.id],
    }).onDelete("set null"),
    check("check_scaling_completed_after_executed", sql`completed_at IS NULL OR completed_at >= executed_at`),
    index("ix_scaling_events_event_type").on(t.eventType),
    index("ix_scaling_events_success").on(t.success),
    index("ix_scaling_events_executed_at").on(t.executedAt),
    index("ix_scaling_events_workflow_execution_id").on(t.workflowExecutionId),
    index("ix_scaling_events_agent_type").on(t.agentId, t.eventType),
    index("ix_scaling_events_customer_success").on(t.customerId, t.success),
  ],
);

export const resourceMetricsRelations = relations(resourceMetrics, ({ one }) => ({
  agent: one(agents, { fields: [resourceMetrics.agentId], references: [agents.id] }),
  customer: one(customers, { fields: [resourceMetrics.customerId], references: [customers.id] }),
}));

export const scalingEventsRelations = relations(scalingEvents, ({ one }) => ({
  agent: one(agents, { fields: [scalingEvents.agentId], references: [agents.id] }),
  customer: one(customers, { fields: [scalingEvents.customerId], references: [customers.id] }),
  workflow: one(workflowExecutions, {
    fields: [scalingEvents.workflowExecutionId],
    references: [workflowExecutions.id],
  }),
}));
