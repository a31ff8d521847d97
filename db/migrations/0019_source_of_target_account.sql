-- A number's tracking source and target account are checked by one key (the source is one of that
-- account's) instead of two: the key the composite refers to comes first.
ALTER TABLE "tracking_sources" ADD CONSTRAINT "tracking_sources_id_account_key" UNIQUE("id","account_id");--> statement-breakpoint
ALTER TABLE "port_request_numbers" DROP CONSTRAINT "port_request_numbers_tracking_source_id_tracking_sources_id_fk";
--> statement-breakpoint
ALTER TABLE "port_request_numbers" DROP CONSTRAINT "port_request_numbers_target_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "port_request_numbers" ALTER COLUMN "tracking_source_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD CONSTRAINT "port_request_numbers_source_of_target_account_fk" FOREIGN KEY ("tracking_source_id","target_account_id") REFERENCES "public"."tracking_sources"("id","account_id") ON DELETE no action ON UPDATE no action;
