CREATE TABLE "international_inquiry_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"author_user_id" text NOT NULL,
	"from_team" boolean NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "international_inquiry_messages" ADD CONSTRAINT "international_inquiry_messages_inquiry_id_international_port_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."international_port_inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "international_inquiry_messages" ADD CONSTRAINT "international_inquiry_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "international_inquiry_messages_idx" ON "international_inquiry_messages" USING btree ("inquiry_id","created_at");