CREATE TYPE "public"."access_scope" AS ENUM('organization', 'exchange-rbac');--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "access_scope" "access_scope" DEFAULT 'organization' NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_attempts" ADD COLUMN "outside_mailbox" text;