CREATE TYPE "public"."access_scope" AS ENUM('organization', 'exchange-rbac');--> statement-breakpoint
CREATE TYPE "public"."email_provider_branch" AS ENUM('microsoft', 'godaddy', 'google-workspace', 'other', 'unknown');--> statement-breakpoint
ALTER TABLE "brokerages" ADD COLUMN "email_provider" "email_provider_branch";--> statement-breakpoint
ALTER TABLE "brokerages" ADD COLUMN "email_provider_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "access_scope" "access_scope" DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "outside_mailbox" text;