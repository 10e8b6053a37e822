import { relations, sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { agentStates } from "./agent-state.js";
import { createdAt, id, type JsonObject, timestamptz, updatedAt } from "./columns.js";
import { agents, customers } from "./core.js";
import { scalingEvents } from "./resource.js";

// Phase 0.2c — workflow history. From this phase on, enum type names have underscores (as in the reference).

export const workflowTypeEnum = pgEnum("workflow_type", [
  "cost_analysis",
  "performance_tuning",
  "resource_optimization",
  "quality_check",
  "scaling_decision",
  "configuration_update",
  "health_check",
  "anomaly_detection",
]);
export const workflowStatusEnum = pgEnum("workflow_status", [
  "pending",
  "running",
  "completed",
  "failed",
  "cancelled",
  "timeout",
]);
export const stepStatusEnum = pgEnum("step_status", [
  "pending",
  "running",
  "completed",
  "failed",
  "skipped",
  "retrying",
]);
export const artifactTypeEnum = pgEnum("artifact_type", [
  "report",
  "config",
  "log",
  "recommendation",
  "chart",
  "metrics",
  "alert",
  "diagnostic",
]);

export const workflowExecutions = pgTable(
  "workflow_executions",
  {
    id: id(),
    agentId: uuid("agent_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    workflowType: workflowTypeEnum("workflow_type").notNull(),
    status: workflowStatusEnum("status").notNull().default("pending"),
    startedAt: timestamptz("started_at"),
    completedAt: timestamptz("completed_at"),
    inputData: jsonb("input_data").$type<JsonObject>().notNull().default({}),
    outputData: jsonb("output_data").$type<JsonObject>().notNull().default({}),
    errorDetails: jsonb("error_details").$type<JsonObject>(),
    metadata: jsonb("metadata").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "workflow_executions_agent_id_fkey",
      columns: [t.agentId],
      foreignColumns: [agents.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "workflow_executions_customer_id_fkey",
      columns: [t.customerId],
      foreignColumns: [customers.id],
    }).onDelete("cascade"),
    check(
      "check_execution_completed_after_started",
      sql`completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at`,
    ),
    index("ix_workflow_executions_workflow_type").on(t.workflowType),
    index("ix_workflow_executions_status").on(t.status),
    index("ix_workflow_executions_started_at").on(t.startedAt),
    index("ix_workflow_executions_agent_status").on(t.agentId, t.status),
    index("ix_workflow_executions_customer_type").on(t.customerId, t.workflowType),
  ],
);

export const workflowSteps = pgTable(
  "workflow_steps",
  {
    id: id(),
    workflowExecutionId: uuid("workflow_execution_id").notNull(),
    stepName: varchar("step_name", { length: 255 }).notNull(),
    // 1, 2, 3 … by convention; not unique, as in the reference schema.
    stepOrder: integer("step_order").notNull(),
    status: stepStatusEnum("status").notNull().default("pending"),
    startedAt: timestamptz("started_at"),
    completedAt: timestamptz("completed_at"),
    inputData: jsonb("input_data").$type<JsonObject>().notNull().default({}),
    outputData: jsonb("output_data").$type<JsonObject>().notNull().default({}),
    errorDetails: jsonb("error_details").$type<JsonObject>(),
    retryCount: integer("retry_count").notNull().default(0),
    maxRetries: integer("max_retries").notNull().default(3),
    metadata: jsonb("metadata").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "workflow_steps_workflow_execution_id_fkey",
      columns: [t.workflowExecutionId],
      foreignColumns: [workflowExecutions.id],
    }).onDelete("cascade"),
    check(
      "check_step_completed_after_started",
      sql`completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at`,
    ),
    index("ix_workflow_steps_status").on(t.status),
    index("ix_workflow_steps_execution_order").on(t.workflowExecutionId, t.stepOrder),
    index("ix_workflow_steps_execution_status").on(t.workflowExecutionId, t.status),
    index("ix_workflow_steps_name_status").on(t.stepName, t.status),
  ],
);

export const workflowArtifacts = pgTable(
  "workflow_artifacts",
  {
    id: id(),
    workflowExecutionId: uuid("workflow_execution_id").notNull(),
    // null: an artifact of the whole execution rather than of one step.
    workflowStepId: uuid("workflow_step_id"),
    artifactType: artifactTypeEnum("artifact_type").notNull(),
    artifactName: varchar("artifact_name", { length: 255 }).notNull(),
    artifactPath: text("artifact_path").notNull(),
    artifactSizeBytes: bigint("artifact_size_bytes", { mode: "number" }),
    contentType: varchar("content_type", { length: 100 }),
    metadata: jsonb("metadata").$type<JsonObject>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "workflow_artifacts_workflow_execution_id_fkey",
      columns: [t.workflowExecutionId],
      foreignColumns: [workflowExecutions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "workflow_artifacts_workflow_step_id_fkey",
      columns: [t.workflowStepId],
      foreignColumns: [workflowSteps.id],
    }).onDelete("cascade"),
    index("ix_workflow_artifacts_artifact_type").on(t.artifactType),
    index("ix_workflow_artifacts_execution_type").on(t.workflowExecutionId, t.artifactType),
    index("ix_workflow_artifacts_step_type").on(t.workflowStepId, t.artifactType),
  ],
);

export const workflowExecutionsRelations = relations(workflowExecutions, ({ one, many }) => ({
  agent: one(agents, { fields: [workflowExecutions.agentId], references: [agents.id] }),
  customer: one(customers, { fields: [workflowExecutions.customerId], references: [customers.id] }),
  // Relational queries do not order a "many" relation by themselves: load steps with `orderedSteps`.
  steps: many(workflowSteps),
  artifacts: many(workflowArtifacts),
  scalingEvents: many(scalingEvents),
  agentStates: many(agentStates),
}));

export const workflowStepsRelations = relations(workflowSteps, ({ one, many }) => ({
  execution: one(workflowExecutions, {
    fields: [workflowSteps.workflowExecutionId],
    references: [workflowExecutions.id],
  }),
  artifacts: many(workflowArtifacts),
}));

export const workflowArtifactsRelations = relations(workflowArtifacts, ({ one }) => ({
  execution: one(workflowExecutions, {
    fields: [workflowArtifacts.workflowExecutionId],
    references: [workflowExecutions.id],
  }),
  step: one(workflowSteps, { fields: [workflowArtifacts.workflowStepId], references: [workflowSteps.id] }),
}));
