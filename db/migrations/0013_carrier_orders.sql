CREATE TABLE "carrier_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"external_id" text,
	"support_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"numbers" text[] NOT NULL,
	"foc_requested_at" timestamp with time zone,
	"foc_confirmed_at" timestamp with time zone,
	"fast_port_eligible" boolean,
	"messaging_status" text,
	"foc_changes_after_confirm" integer DEFAULT 0 NOT NULL,
	"requested_by_user_id" text,
	"last_error" text,
	"last_event_at" timestamp with time zone,
	"last_synced_at" timestamp with time zone,
	"placed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carrier_webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier" text NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"order_external_id" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "change_requests" ALTER COLUMN "requested_by_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "loa_signatures" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD COLUMN "current_carrier" text;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD COLUMN "fast_portable" boolean;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD COLUMN "messaging_capable" boolean;--> statement-breakpoint
ALTER TABLE "port_requests" ADD COLUMN "service_address" jsonb;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "source" text DEFAULT 'team' NOT NULL;--> statement-breakpoint
ALTER TABLE "loa_signature_requests" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "carrier_orders" ADD CONSTRAINT "carrier_orders_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_orders" ADD CONSTRAINT "carrier_orders_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carrier_orders_request_idx" ON "carrier_orders" USING btree ("port_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_orders_external_idx" ON "carrier_orders" USING btree ("carrier","external_id");--> statement-breakpoint
CREATE INDEX "carrier_orders_open_idx" ON "carrier_orders" USING btree ("closed_at","last_event_at");--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_webhook_events_event_idx" ON "carrier_webhook_events" USING btree ("carrier","event_id");