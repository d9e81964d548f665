ALTER TYPE "public"."credential_method" ADD VALUE 'vendor-app';--> statement-breakpoint
CREATE TABLE "vendor_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"brokerage_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"outcome" text,
	"microsoft_code" text,
	"tenant_id" text,
	"attempt_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_consents" ADD CONSTRAINT "vendor_consents_brokerage_id_brokerages_id_fk" FOREIGN KEY ("brokerage_id") REFERENCES "public"."brokerages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_consents" ADD CONSTRAINT "vendor_consents_session_id_brokerage_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."brokerage_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_consents" ADD CONSTRAINT "vendor_consents_attempt_id_submission_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."submission_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vendor_consents_state_hash_key" ON "vendor_consents" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "vendor_consents_brokerage_idx" ON "vendor_consents" USING btree ("brokerage_id","created_at");