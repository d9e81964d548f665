ALTER TYPE "public"."brokerage_stage" ADD VALUE 'revoked';--> statement-breakpoint
ALTER TYPE "public"."webhook_event_type" ADD VALUE 'webhook.test';