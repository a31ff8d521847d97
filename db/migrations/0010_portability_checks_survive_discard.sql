ALTER TABLE "port_request_events" DROP CONSTRAINT "port_request_events_port_request_id_port_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "port_request_events" ALTER COLUMN "port_request_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "port_request_events" ADD COLUMN "account_id" uuid;--> statement-breakpoint
-- Backfill: checks already made keep counting against their account (lib/porting/numbers-step/count-portability-check).
UPDATE "port_request_events" SET "account_id" = "port_requests"."account_id" FROM "port_requests" WHERE "port_requests"."id" = "port_request_events"."port_request_id" AND "port_request_events"."type" = 'portability_checked';--> statement-breakpoint
ALTER TABLE "port_request_events" ADD CONSTRAINT "port_request_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_events" ADD CONSTRAINT "port_request_events_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "port_request_events_account_type_created_idx" ON "port_request_events" USING btree ("account_id","type","created_at");--> statement-breakpoint
ALTER TABLE "port_request_events" ADD CONSTRAINT "port_request_events_owner_check" CHECK ("port_request_events"."port_request_id" is not null or "port_request_events"."account_id" is not null);