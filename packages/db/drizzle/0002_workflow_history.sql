CREATE TYPE "public"."artifact_type" AS ENUM('report', 'config', 'log', 'recommendation', 'chart', 'metrics', 'alert', 'diagnostic');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('pending', 'running', 'completed', 'failed', 'skipped', 'retrying');--> statement-breakpoint
CREATE TYPE "public"."workflow_status" AS ENUM('pending', 'running', 'completed', 'failed', 'cancelled', 'timeout');--> statement-breakpoint
CREATE TYPE "public"."workflow_type" AS ENUM('cost_analysis', 'performance_tuning', 'resource_optimization', 'quality_check', 'scaling_decision', 'configuration_update', 'health_check', 'anomaly_detection');--> statement-breakpoint
CREATE TABLE "workflow_artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_execution_id" uuid NOT NULL,
	"workflow_step_id" uuid,
	"artifact_type" "artifact_type" NOT NULL,
	"artifact_name" varchar(255) NOT NULL,
	"artifact_path" text NOT NULL,
	"artifact_size_bytes" bigint,
	"content_type" varchar(100),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_executions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"workflow_type" "workflow_type" NOT NULL,
	"status" "workflow_status" DEFAULT 'pending' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"input_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"output_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_details" jsonb,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_execution_completed_after_started" CHECK (completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at)
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_execution_id" uuid NOT NULL,
	"step_name" varchar(255) NOT NULL,
	"step_order" integer NOT NULL,
	"status" "step_status" DEFAULT 'pending' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"input_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"output_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_details" jsonb,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"max_retries" integer DEFAULT 3 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_step_completed_after_started" CHECK (completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at)
);
--> statement-breakpoint
ALTER TABLE "agent_states" ADD COLUMN "current_workflow_id" uuid;--> statement-breakpoint
ALTER TABLE "workflow_artifacts" ADD CONSTRAINT "workflow_artifacts_workflow_execution_id_fkey" FOREIGN KEY ("workflow_execution_id") REFERENCES "public"."workflow_executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_artifacts" ADD CONSTRAINT "workflow_artifacts_workflow_step_id_fkey" FOREIGN KEY ("workflow_step_id") REFERENCES "public"."workflow_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_executions" ADD CONSTRAINT "workflow_executions_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_executions" ADD CONSTRAINT "workflow_executions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_workflow_execution_id_fkey" FOREIGN KEY ("workflow_execution_id") REFERENCES "public"."workflow_executions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ix_workflow_artifacts_artifact_type" ON "workflow_artifacts" USING btree ("artifact_type");--> statement-breakpoint
CREATE INDEX "ix_workflow_artifacts_execution_type" ON "workflow_artifacts" USING btree ("workflow_execution_id","artifact_type");--> statement-breakpoint
CREATE INDEX "ix_workflow_artifacts_step_type" ON "workflow_artifacts" USING btree ("workflow_step_id","artifact_type");--> statement-breakpoint
CREATE INDEX "ix_workflow_executions_workflow_type" ON "workflow_executions" USING btree ("workflow_type");--> statement-breakpoint
CREATE INDEX "ix_workflow_executions_status" ON "workflow_executions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ix_workflow_executions_started_at" ON "workflow_executions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "ix_workflow_executions_agent_status" ON "workflow_executions" USING btree ("agent_id","status");--> statement-breakpoint
CREATE INDEX "ix_workflow_executions_customer_type" ON "workflow_executions" USING btree ("customer_id","workflow_type");--> statement-breakpoint
CREATE INDEX "ix_workflow_steps_status" ON "workflow_steps" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ix_workflow_steps_execution_order" ON "workflow_steps" USING btree ("workflow_execution_id","step_order");--> statement-breakpoint
CREATE INDEX "ix_workflow_steps_execution_status" ON "workflow_steps" USING btree ("workflow_execution_id","status");--> statement-breakpoint
CREATE INDEX "ix_workflow_steps_name_status" ON "workflow_steps" USING btree ("step_name","status");--> statement-breakpoint
ALTER TABLE "agent_states" ADD CONSTRAINT "fk_agent_states_current_workflow" FOREIGN KEY ("current_workflow_id") REFERENCES "public"."workflow_executions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ix_agent_states_current_workflow_id" ON "agent_states" USING btree ("current_workflow_id");