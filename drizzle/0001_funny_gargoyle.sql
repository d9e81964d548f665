CREATE TYPE "public"."email_provider_branch" AS ENUM('microsoft', 'godaddy', 'google-workspace', 'other', 'unknown');--> statement-breakpoint
ALTER TABLE "brokerages" ADD COLUMN "email_provider" "email_provider_branch";--> statement-breakpoint
ALTER TABLE "brokerages" ADD COLUMN "email_provider_checked_at" timestamp with time zone;