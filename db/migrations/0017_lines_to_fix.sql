CREATE TABLE "lines_to_fix" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"position" integer NOT NULL,
	"number_to_port" text NOT NULL,
	"receiving_number" text,
	"tracking_source" text,
	"account_name" text,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lines_to_fix" ADD CONSTRAINT "lines_to_fix_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lines_to_fix_request_idx" ON "lines_to_fix" USING btree ("port_request_id","position");