CREATE TYPE "public"."readiness_run_scope" AS ENUM('all', 'failing');--> statement-breakpoint
CREATE TYPE "public"."readiness_run_status" AS ENUM('queued', 'running', 'finished', 'failed');--> statement-breakpoint
CREATE TYPE "public"."readiness_status" AS ENUM('unchecked', 'ready', 'not-ready', 'unknown');--> statement-breakpoint
CREATE TABLE "brokerage_agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brokerage_id" uuid NOT NULL,
	"address" text NOT NULL,
	"status" "readiness_status" DEFAULT 'unchecked' NOT NULL,
	"reason" text,
	"microsoft_code" text,
	"checked_at" timestamp with time zone,
	"last_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_results" (
	"run_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"status" "readiness_status" NOT NULL,
	"reason" text,
	"microsoft_code" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brokerage_id" uuid NOT NULL,
	"attempt_id" uuid,
	"scope" "readiness_run_scope" DEFAULT 'all' NOT NULL,
	"trigger" "run_trigger" NOT NULL,
	"triggered_by" text,
	"status" "readiness_run_status" DEFAULT 'queued' NOT NULL,
	"reason" text,
	"total" integer DEFAULT 0 NOT NULL,
	"checked" integer DEFAULT 0 NOT NULL,
	"ready" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brokerage_agents" ADD CONSTRAINT "brokerage_agents_brokerage_id_brokerages_id_fk" FOREIGN KEY ("brokerage_id") REFERENCES "public"."brokerages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_results" ADD CONSTRAINT "readiness_results_run_id_readiness_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."readiness_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_results" ADD CONSTRAINT "readiness_results_agent_id_brokerage_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."brokerage_agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_runs" ADD CONSTRAINT "readiness_runs_brokerage_id_brokerages_id_fk" FOREIGN KEY ("brokerage_id") REFERENCES "public"."brokerages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_runs" ADD CONSTRAINT "readiness_runs_attempt_id_submission_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."submission_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "brokerage_agents_address_key" ON "brokerage_agents" USING btree ("brokerage_id","address");--> statement-breakpoint
CREATE INDEX "brokerage_agents_status_idx" ON "brokerage_agents" USING btree ("brokerage_id","status","address");--> statement-breakpoint
CREATE UNIQUE INDEX "readiness_results_key" ON "readiness_results" USING btree ("run_id","agent_id");--> statement-breakpoint
CREATE INDEX "readiness_runs_brokerage_idx" ON "readiness_runs" USING btree ("brokerage_id","created_at");