CREATE TYPE "public"."access_scope" AS ENUM('organization', 'exchange-rbac');--> statement-breakpoint
CREATE TYPE "public"."credential_method" AS ENUM('client-secret', 'certificate');--> statement-breakpoint
CREATE TYPE "public"."email_provider_branch" AS ENUM('microsoft', 'godaddy', 'google-workspace', 'other', 'unknown');--> statement-breakpoint
CREATE TABLE "brokerage_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brokerage_id" uuid NOT NULL,
	"thumbprint" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"certificate_der" "bytea" NOT NULL,
	"private_key_ciphertext" "bytea",
	"private_key_key_id" text,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brokerages" ADD COLUMN "email_provider" "email_provider_branch";--> statement-breakpoint
ALTER TABLE "brokerages" ADD COLUMN "email_provider_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "access_scope" "access_scope" DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "outside_mailbox" text;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "credential_method" "credential_method" DEFAULT 'client-secret' NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "certificate_thumbprint" text;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "certificate_not_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "certificate_der" "bytea";--> statement-breakpoint
ALTER TABLE "brokerage_certificates" ADD CONSTRAINT "brokerage_certificates_brokerage_id_brokerages_id_fk" FOREIGN KEY ("brokerage_id") REFERENCES "public"."brokerages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "brokerage_certificates_current_key" ON "brokerage_certificates" USING btree ("brokerage_id") WHERE "brokerage_certificates"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "brokerage_certificates_brokerage_idx" ON "brokerage_certificates" USING btree ("brokerage_id","created_at");