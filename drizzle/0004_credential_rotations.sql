CREATE TYPE "public"."rotation_status" AS ENUM('open', 'verifying', 'failed', 'completed');--> statement-breakpoint
CREATE TABLE "credential_rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brokerage_id" uuid NOT NULL,
	"approval_id" uuid NOT NULL,
	"method" "credential_method" NOT NULL,
	"status" "rotation_status" DEFAULT 'open' NOT NULL,
	"next_thumbprint" text,
	"attempt_id" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"old_deletable_after" timestamp with time zone,
	"csm_reminded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "credential_rotations" ADD CONSTRAINT "credential_rotations_brokerage_id_brokerages_id_fk" FOREIGN KEY ("brokerage_id") REFERENCES "public"."brokerages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_rotations" ADD CONSTRAINT "credential_rotations_approval_id_credential_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."credential_approvals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_rotations" ADD CONSTRAINT "credential_rotations_attempt_id_submission_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."submission_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credential_rotations_open_key" ON "credential_rotations" USING btree ("brokerage_id") WHERE "credential_rotations"."status" <> 'completed';--> statement-breakpoint
CREATE UNIQUE INDEX "credential_rotations_approval_key" ON "credential_rotations" USING btree ("approval_id");--> statement-breakpoint
CREATE INDEX "credential_rotations_attempt_idx" ON "credential_rotations" USING btree ("attempt_id");