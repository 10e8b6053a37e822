CREATE TYPE "public"."resource_type" AS ENUM('gpu', 'cpu', 'memory', 'disk', 'network');--> statement-breakpoint
CREATE TYPE "public"."scaling_event_type" AS ENUM('scale_up', 'scale_down', 'auto_scale_triggered', 'manual_scale', 'scale_cancelled');--> statement-breakpoint
CREATE TABLE "resource_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"instance_id" varchar(255) NOT NULL,
	"resource_type" "resource_type" NOT NULL,
	"metric_name" varchar(100) NOT NULL,
	"metric_value" double precision NOT NULL,
	"unit" varchar(50) NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_metric_value_finite" CHECK (metric_value > '-Infinity'::double precision AND metric_value < 'Infinity'::double precision)
);
--> statement-breakpoint
CREATE TABLE "scaling_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"workflow_execution_id" uuid,
	"event_type" "scaling_event_type" NOT NULL,
	"trigger_reason" varchar(500) NOT NULL,
	"before_state" jsonb NOT NULL,
	"after_state" jsonb NOT NULL,
	"success" boolean DEFAULT false NOT NULL,
	"error_details" jsonb,
	"executed_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_scaling_completed_after_executed" CHECK (completed_at IS NULL OR completed_at >= executed_at)
);
--> statement-breakpoint
ALTER TABLE "resource_metrics" ADD CONSTRAINT "resource_metrics_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_metrics" ADD CONSTRAINT "resource_metrics_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scaling_events" ADD CONSTRAINT "scaling_events_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scaling_events" ADD CONSTRAINT "scaling_events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scaling_events" ADD CONSTRAINT "scaling_events_workflow_execution_id_fkey" FOREIGN KEY ("workflow_execution_id") REFERENCES "public"."workflow_executions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ix_resource_metrics_metric_name" ON "resource_metrics" USING btree ("metric_name");--> statement-breakpoint
CREATE INDEX "ix_resource_metrics_timestamp" ON "resource_metrics" USING btree ("timestamp");--> statement-breakpoint
CREATE INDEX "ix_resource_metrics_agent_instance" ON "resource_metrics" USING btree ("agent_id","instance_id");--> statement-breakpoint
CREATE INDEX "ix_resource_metrics_customer_type" ON "resource_metrics" USING btree ("customer_id","resource_type");--> statement-breakpoint
CREATE INDEX "ix_resource_metrics_instance_timestamp" ON "resource_metrics" USING btree ("instance_id","timestamp");--> statement-breakpoint
CREATE INDEX "ix_resource_metrics_type_name" ON "resource_metrics" USING btree ("resource_type","metric_name");--> statement-breakpoint
CREATE INDEX "ix_scaling_events_event_type" ON "scaling_events" USING btree ("event_type");--> statement-breakpoint
CREATE INDEX "ix_scaling_events_success" ON "scaling_events" USING btree ("success");--> statement-breakpoint
CREATE INDEX "ix_scaling_events_executed_at" ON "scaling_events" USING btree ("executed_at");--> statement-breakpoint
CREATE INDEX "ix_scaling_events_workflow_execution_id" ON "scaling_events" USING btree ("workflow_execution_id");--> statement-breakpoint
CREATE INDEX "ix_scaling_events_agent_type" ON "scaling_events" USING btree ("agent_id","event_type");--> statement-breakpoint
CREATE INDEX "ix_scaling_events_customer_success" ON "scaling_events" USING btree ("customer_id","success");