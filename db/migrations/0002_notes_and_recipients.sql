CREATE TYPE "public"."note_visibility" AS ENUM('public', 'internal');--> statement-breakpoint
CREATE TABLE "port_request_note_reads" (
	"port_request_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "port_request_note_reads_port_request_id_user_id_pk" PRIMARY KEY("port_request_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "port_request_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"author_user_id" text NOT NULL,
	"from_team" boolean NOT NULL,
	"visibility" "note_visibility" DEFAULT 'public' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "port_request_recipients" (
	"port_request_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"added_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "port_request_recipients_port_request_id_user_id_pk" PRIMARY KEY("port_request_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "port_request_note_reads" ADD CONSTRAINT "port_request_note_reads_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_note_reads" ADD CONSTRAINT "port_request_note_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_notes" ADD CONSTRAINT "port_request_notes_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_notes" ADD CONSTRAINT "port_request_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_recipients" ADD CONSTRAINT "port_request_recipients_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_recipients" ADD CONSTRAINT "port_request_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_recipients" ADD CONSTRAINT "port_request_recipients_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "port_request_notes_request_idx" ON "port_request_notes" USING btree ("port_request_id","created_at");