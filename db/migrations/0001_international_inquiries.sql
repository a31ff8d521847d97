CREATE TYPE "public"."inquiry_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "international_port_inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"created_by_user_id" text NOT NULL,
	"numbers" text[] NOT NULL,
	"countries" text[] NOT NULL,
	"note" text,
	"status" "inquiry_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "international_port_inquiries" ADD CONSTRAINT "international_port_inquiries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "international_port_inquiries" ADD CONSTRAINT "international_port_inquiries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "international_inquiries_status_idx" ON "international_port_inquiries" USING btree ("status","created_at");