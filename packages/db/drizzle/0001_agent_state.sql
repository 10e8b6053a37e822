CREATE TYPE "public"."agentstatusdetail" AS ENUM('idle', 'busy', 'processing', 'waiting', 'error');--> statement-breakpoint
CREATE TYPE "public"."configtype" AS ENUM('string', 'integer', 'float', 'boolean', 'json');--> statement-breakpoint
CREATE TYPE "public"."metrictype" AS ENUM('counter', 'gauge', 'histogram');--> statement-breakpoint
CREATE TABLE "agent_capabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"capability_name" varchar(255) NOT NULL,
	"capability_version" varchar(50) DEFAULT '1.0.0' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uq_agent_capability" UNIQUE("agent_id","capability_name")
);
--> statement-breakpoint
CREATE TABLE "agent_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"config_key" varchar(255) NOT NULL,
	"config_value" text NOT NULL,
	"config_type" "configtype" DEFAULT 'string' NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uq_agent_config" UNIQUE("agent_id","config_key")
);
--> statement-breakpoint
CREATE TABLE "agent_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"metric_name" varchar(255) NOT NULL,
	"metric_value" double precision NOT NULL,
	"metric_type" "metrictype" DEFAULT 'gauge' NOT NULL,
	"tags" jsonb DEFAULT '{}'::jsonb,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agent_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"current_status" "agentstatusdetail" DEFAULT 'idle' NOT NULL,
	"active_workflows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_activity" timestamp with time zone DEFAULT now() NOT NULL,
	"resource_usage" jsonb DEFAULT '{}'::jsonb,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_states_agent_id_key" UNIQUE("agent_id")
);
--> statement-breakpoint
ALTER TABLE "agent_capabilities" ADD CONSTRAINT "agent_capabilities_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_configs" ADD CONSTRAINT "agent_configs_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_metrics" ADD CONSTRAINT "agent_metrics_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_states" ADD CONSTRAINT "agent_states_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_agent_cap_name" ON "agent_capabilities" USING btree ("capability_name");--> statement-breakpoint
CREATE INDEX "idx_agent_cap_enabled" ON "agent_capabilities" USING btree ("enabled");--> statement-breakpoint
CREATE INDEX "idx_agent_config_key" ON "agent_configs" USING btree ("config_key");--> statement-breakpoint
CREATE INDEX "idx_agent_metric_name" ON "agent_metrics" USING btree ("metric_name");--> statement-breakpoint
CREATE INDEX "idx_agent_metric_recorded" ON "agent_metrics" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "idx_agent_metric_agent_name" ON "agent_metrics" USING btree ("agent_id","metric_name");--> statement-breakpoint
CREATE INDEX "idx_agent_metric_agent_recorded" ON "agent_metrics" USING btree ("agent_id","recorded_at");--> statement-breakpoint
CREATE INDEX "idx_agent_state_status" ON "agent_states" USING btree ("current_status");--> statement-breakpoint
CREATE INDEX "idx_agent_state_activity" ON "agent_states" USING btree ("last_activity");