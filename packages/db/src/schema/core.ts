import { relations, sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { agentCapabilities, agentConfigs, agentMetrics, agentStates } from "./agent-state.js";
import { createdAt, id, type JsonObject, timestamptz, updatedAt } from "./columns.js";
import { resourceMetrics, scalingEvents } from "./resource.js";
import { workflowExecutions } from "./workflow-history.js";

// Phase 0.2a — core. Enum type names keep the reference schema's spelling (no underscores).

export const customerPlanEnum = pgEnum("customerplan", ["free", "startup", "enterprise"]);
export const customerStatusEnum = pgEnum("customerstatus", ["active", "suspended", "churned"]);
export const agentTypeEnum = pgEnum("agenttype", [
  "orchestrator",
  "cost",
  "performance",
  "resource",
  "application",
]);
export const agentStatusEnum = pgEnum("agentstatus", [
  "starting",
  "healthy",
  "degraded",
  "failed",
  "stopped",
]);
export const eventSeverityEnum = pgEnum("eventseverity", ["info", "warning", "error", "critical"]);
export const recommendationPriorityEnum = pgEnum("recommendationpriority", [
  "low",
  "medium",
  "high",
  "critical",
]);
export const recommendationStatusEnum = pgEnum("recommendationstatus", [
  "pending",
  "approved",
  "rejected",
  "executing",
  "completed",
  "failed",
  "rolled_back",
]);
export const approvalStatusEnum = pgEnum("approvalstatus", ["pending", "approved", "rejected"]);
export const optimizationStatusEnum = pgEnum("optimizationstatus", [
  "queued",
  "executing",
  "completed",
  "failed",
  "rolled_back",
]);

export const customers = pgTable(
  "customers",
  {
    id: id(),
    name: varchar("name", { length: 255 }).notNull(),
    email: varchar("email", { length: 255 }).notNull().unique("customers_email_key"),
    // Holds the SHA-256 hex digest of the customer's API key; a customer created without one gets 32 random
    // hex characters (I-2), which match no key until one is issued.
    apiKey: varchar("api_key", { length: 64 })
      .notNull()
      .unique("customers_api_key_key")
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    plan: customerPlanEnum("plan").notNull().default("free"),
    status: customerStatusEnum("status").notNull().default("active"),
    metadata: jsonb("metadata").$type<JsonObject>().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("idx_customer_status").on(t.status)],
);

// Agents are shared infrastructure, not owned by a customer: there is no customer_id.
export const agents = pgTable(
  "agents",
  {
    id: id(),
    type: agentTypeEnum("type").notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    version: varchar("version", { length: 50 }),
    status: agentStatusEnum("status").notNull().default("starting"),
    endpoint: varchar("endpoint", { length: 255 }),
    capabilities: jsonb("capabilities").$type<string[]>().notNull().default([]),
    metadata: jsonb("metadata").$type<JsonObject>().default({}),
    lastHeartbeat: timestamptz("last_heartbeat"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("uq_agent_type_name").on(t.type, t.name),
    index("idx_agent_status").on(t.status),
    index("idx_agent_heartbeat").on(t.lastHeartbeat),
  ],
);

export const events = pgTable(
  "events",
  {
    id: id(),
    customerId: uuid("customer_id").notNull(),
    agentId: uuid("agent_id"),
    eventType: varchar("event_type", { length: 100 }).notNull(),
    severity: eventSeverityEnum("severity").notNull().default("info"),
    data: jsonb("data").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "events_customer_id_fkey",
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete("cascade"),
    // An agent's history outlives the agent: its events stay, un-linked (I-9).
    foreignKey({ name: "events_agent_id_fkey", columns: [t.agentId], foreignColumns: [agents.id] }).onDelete(
      "set null",
    ),
    index("idx_event_agent").on(t.agentId),
    index("idx_event_type").on(t.eventType),
    index("idx_event_severity").on(t.severity),
    index("idx_event_created").on(t.createdAt),
    index("idx_event_customer_created").on(t.customerId, t.createdAt),
  ],
);

export const recommendations = pgTable(
  "recommendations",
  {
    id: id(),
    customerId: uuid("customer_id").notNull(),
    agentId: uuid("agent_id").notNull(),
    type: varchar("type", { length: 100 }).notNull(),
    title: varchar("title", { length: 255 }).notNull(),
    description: text("description"),
    estimatedSavings: numeric("estimated_savings", { precision: 10, scale: 2 }),
    estimatedImprovement: numeric("estimated_improvement", { precision: 10, scale: 2 }),
    confidenceScore: doublePrecision("confidence_score").notNull().default(0),
    priority: recommendationPriorityEnum("priority").notNull().default("medium"),
    status: recommendationStatusEnum("status").notNull().default("pending"),
    data: jsonb("data").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    approvedAt: timestamptz("approved_at"),
    executedAt: timestamptz("executed_at"),
  },
  (t) => [
    foreignKey({
      name: "recommendations_customer_id_fkey",
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "recommendations_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    check("check_confidence_range", sql`confidence_score >= 0.0 AND confidence_score <= 1.0`),
    index("idx_rec_agent").on(t.agentId),
    index("idx_rec_type").on(t.type),
    index("idx_rec_priority").on(t.priority),
    index("idx_rec_status").on(t.status),
    index("idx_rec_created").on(t.createdAt),
    index("idx_rec_customer_status").on(t.customerId, t.status),
  ],
);

export const approvals = pgTable(
  "approvals",
  {
    id: id(),
    recommendationId: uuid("recommendation_id").notNull(),
    approvedBy: varchar("approved_by", { length: 255 }).notNull(),
    status: approvalStatusEnum("status").notNull().default("pending"),
    comment: text("comment"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "approvals_recommendation_id_fkey",
      columns: [t.recommendationId],
      foreignColumns: [recommendations.id],
    }).onDelete("cascade"),
    index("idx_approval_rec").on(t.recommendationId),
    index("idx_approval_status").on(t.status),
  ],
);

export const optimizations = pgTable(
  "optimizations",
  {
    id: id(),
    recommendationId: uuid("recommendation_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    agentId: uuid("agent_id").notNull(),
    status: optimizationStatusEnum("status").notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    result: jsonb("result").$type<JsonObject>().default({}),
    error: text("error"),
    actualSavings: numeric("actual_savings", { precision: 10, scale: 2 }),
    actualImprovement: numeric("actual_improvement", { precision: 10, scale: 2 }),
    startedAt: timestamptz("started_at"),
    completedAt: timestamptz("completed_at"),
    rolledBackAt: timestamptz("rolled_back_at"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "optimizations_recommendation_id_fkey",
      columns: [t.recommendationId],
      foreignColumns: [recommendations.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "optimizations_customer_id_fkey",
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "optimizations_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    check("check_progress_range", sql`progress >= 0 AND progress <= 100`),
    index("idx_opt_rec").on(t.recommendationId),
    index("idx_opt_agent").on(t.agentId),
    index("idx_opt_status").on(t.status),
    index("idx_opt_customer_status").on(t.customerId, t.status),
  ],
);

export const customersRelations = relations(customers, ({ many }) => ({
  events: many(events),
  recommendations: many(recommendations),
  optimizations: many(optimizations),
  workflowExecutions: many(workflowExecutions),
  resourceMetrics: many(resourceMetrics),
  scalingEvents: many(scalingEvents),
}));

export const agentsRelations = relations(agents, ({ one, many }) => ({
  events: many(events),
  recommendations: many(recommendations),
  optimizations: many(optimizations),
  configs: many(agentConfigs),
  state: one(agentStates),
  capabilityDetails: many(agentCapabilities),
  metrics: many(agentMetrics),
  workflowExecutions: many(workflowExecutions),
  resourceMetrics: many(resourceMetrics),
  scalingEvents: many(scalingEvents),
}));

export const eventsRelations = relations(events, ({ one }) => ({
  customer: one(customers, { fields: [events.customerId], references: [customers.id] }),
  agent: one(agents, { fields: [events.agentId], references: [agents.id] }),
}));

export const recommendationsRelations = relations(recommendations, ({ one, many }) => ({
  customer: one(customers, { fields: [recommendations.customerId], references: [customers.id] }),
  agent: one(agents, { fields: [recommendations.agentId], references: [agents.id] }),
  approvals: many(approvals),
  optimizations: many(optimizations),
}));

export const approvalsRelations = relations(approvals, ({ one }) => ({
  recommendation: one(recommendations, {
    fields: [approvals.recommendationId],
    references: [recommendations.id],
  }),
}));

export const optimizationsRelations = relations(optimizations, ({ one }) => ({
  recommendation: one(recommendations, {
    fields: [optimizations.recommendationId],
    references: [recommendations.id],
  }),
  customer: one(customers, { fields: [optimizations.customerId], references: [customers.id] }),
  agent: one(agents, { fields: [optimizations.agentId], references: [agents.id] }),
}));
