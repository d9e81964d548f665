ALTER TABLE "outgoing_messages" ADD COLUMN "invite_id" uuid;--> statement-breakpoint
ALTER TABLE "outgoing_messages" ADD COLUMN "link_ciphertext" "bytea";--> statement-breakpoint
ALTER TABLE "outgoing_messages" ADD COLUMN "link_key_id" text;