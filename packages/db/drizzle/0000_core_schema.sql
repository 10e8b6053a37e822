CREATE TYPE "public"."agentstatus" AS ENUM('starting', 'healthy', 'degraded', 'failed', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."agenttype" AS ENUM('orchestrator', 'cost', 'performance', 'resource', 'application');--> statement-breakpoint
CREATE TYPE "public"."approvalstatus" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."customerplan" AS ENUM('free', 'startup', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."customerstatus" AS ENUM('active', 'suspended', 'churned');--> statement-breakpoint
CREATE TYPE "public"."eventseverity" AS ENUM('info', 'warning', 'error', 'critical');--> statement-breakpoint
CREATE TYPE "public"."optimizationstatus" AS ENUM('queued', 'executing', 'completed', 'failed', 'rolled_back');--> statement-breakpoint
CREATE TYPE "public"."recommendationpriority" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."recommendationstatus" AS ENUM('pending', 'approved', 'rejected', 'executing', 'completed', 'failed', 'rolled_back');--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "agenttype" NOT NULL,
	"name" varchar(255) NOT NULL,
	"version" varchar(50),
	"status" "agentstatus" DEFAULT 'starting' NOT NULL,
	"endpoint" varchar(255),
	"capabilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"last_heartbeat" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uq_agent_type_name" UNIQUE("type","name")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"approved_by" varchar(255) NOT NULL,
	"status" "approvalstatus" DEFAULT 'pending' NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(255) NOT NULL,
	"email" varchar(255) NOT NULL,
	"api_key" varchar(64) DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL,
	"plan" "customerplan" DEFAULT 'free' NOT NULL,
	"status" "customerstatus" DEFAULT 'active' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_email_key" UNIQUE("email"),
	CONSTRAINT "customers_api_key_key" UNIQUE("api_key")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"agent_id" uuid,
	"event_type" varchar(100) NOT NULL,
	"severity" "eventseverity" DEFAULT 'info' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optimizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"status" "optimizationstatus" DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb,
	"error" text,
	"actual_savings" numeric(10, 2),
	"actual_improvement" numeric(10, 2),
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"rolled_back_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_progress_range" CHECK (progress >= 0 AND progress <= 100)
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"type" varchar(100) NOT NULL,
	"title" varchar(255) NOT NULL,
	"description" text,
	"estimated_savings" numeric(10, 2),
	"estimated_improvement" numeric(10, 2),
	"confidence_score" double precision DEFAULT 0 NOT NULL,
	"priority" "recommendationpriority" DEFAULT 'medium' NOT NULL,
	"status" "recommendationstatus" DEFAULT 'pending' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"executed_at" timestamp with time zone,
	CONSTRAINT "check_confidence_range" CHECK (confidence_score >= 0.0 AND confidence_score <= 1.0)
);
--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimizations" ADD CONSTRAINT "optimizations_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimizations" ADD CONSTRAINT "optimizations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimizations" ADD CONSTRAINT "optimizations_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_agent_status" ON "agents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_agent_heartbeat" ON "agents" USING btree ("last_heartbeat");--> statement-breakpoint
CREATE INDEX "idx_approval_rec" ON "approvals" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "idx_approval_status" ON "approvals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_customer_status" ON "customers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_event_agent" ON "events" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "idx_event_type" ON "events" USING btree ("event_type");--> statement-breakpoint
CREATE INDEX "idx_event_severity" ON "events" USING btree ("severity");--> statement-breakpoint
CREATE INDEX "idx_event_created" ON "events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_event_customer_created" ON "events" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "idx_opt_rec" ON "optimizations" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "idx_opt_agent" ON "optimizations" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "idx_opt_status" ON "optimizations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_opt_customer_status" ON "optimizations" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "idx_rec_agent" ON "recommendations" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "idx_rec_type" ON "recommendations" USING btree ("type");--> statement-breakpoint
CREATE INDEX "idx_rec_priority" ON "recommendations" USING btree ("priority");--> statement-breakpoint
CREATE INDEX "idx_rec_status" ON "recommendations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "idx_rec_created" ON "recommendations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_rec_customer_status" ON "recommendations" USING btree ("customer_id","status");