CREATE TYPE "public"."test_item_kind" AS ENUM('event', 'contact');--> statement-breakpoint
CREATE TABLE "verification_test_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "test_item_kind" NOT NULL,
	"item_id" text NOT NULL,
	"mailbox" text NOT NULL,
	"brokerage_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tried_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "verification_test_items" ADD CONSTRAINT "verification_test_items_brokerage_id_brokerages_id_fk" FOREIGN KEY ("brokerage_id") REFERENCES "public"."brokerages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_test_items" ADD CONSTRAINT "verification_test_items_attempt_id_submission_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."submission_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "verification_test_items_item_key" ON "verification_test_items" USING btree ("mailbox","item_id");--> statement-breakpoint
CREATE INDEX "verification_test_items_brokerage_idx" ON "verification_test_items" USING btree ("brokerage_id");