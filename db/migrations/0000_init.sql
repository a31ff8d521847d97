CREATE TYPE "public"."membership_role" AS ENUM('admin', 'member');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('regulatory');--> statement-breakpoint
CREATE TYPE "public"."sms_status" AS ENUM('active', 'pending', 'exception');--> statement-breakpoint
CREATE TYPE "public"."voice_status" AS ENUM('active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."loa_signature_kind" AS ENUM('drawn', 'typed');--> statement-breakpoint
CREATE TYPE "public"."number_group" AS ENUM('us_local', 'ca_local', 'toll_free');--> statement-breakpoint
CREATE TYPE "public"."port_country" AS ENUM('US', 'CA');--> statement-breakpoint
CREATE TYPE "public"."port_number_status" AS ENUM('pending', 'approved', 'rejected', 'scheduled', 'ported', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."port_request_status" AS ENUM('draft', 'submitted', 'in_review', 'changes_needed', 'approved', 'scheduled', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."port_type" AS ENUM('full', 'partial');--> statement-breakpoint
CREATE TABLE "auth_accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "auth_accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "authenticators" (
	"credential_id" text NOT NULL,
	"user_id" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"credential_public_key" text NOT NULL,
	"counter" integer NOT NULL,
	"credential_device_type" text NOT NULL,
	"credential_backed_up" boolean NOT NULL,
	"transports" text,
	CONSTRAINT "authenticators_user_id_credential_id_pk" PRIMARY KEY("user_id","credential_id"),
	CONSTRAINT "authenticators_credential_id_unique" UNIQUE("credential_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"parent_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_account_id_pk" PRIMARY KEY("user_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"user_id" text PRIMARY KEY NOT NULL,
	"role" "staff_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"number" text NOT NULL,
	"receiving_number" text NOT NULL,
	"tracking_source_id" uuid,
	"voice_status" "voice_status" DEFAULT 'active' NOT NULL,
	"sms_status" "sms_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_numbers_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "tracking_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailbox_messages" (
	"outbox_id" uuid PRIMARY KEY NOT NULL,
	"from_address" text NOT NULL,
	"to_addresses" text[] NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template" text NOT NULL,
	"from_address" text NOT NULL,
	"to_addresses" text[] NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject_ref" text,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alternate_routings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"tracking_number_id" uuid NOT NULL,
	"porting_number" text NOT NULL,
	"new_receiving_number" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loa_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"signer_user_id" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"kind" "loa_signature_kind" NOT NULL,
	"pdf_key" text NOT NULL,
	"snapshot_key" text NOT NULL,
	"content_sha256" text NOT NULL,
	"ip_address" text NOT NULL,
	"user_agent" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "port_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"actor_user_id" text,
	"type" text NOT NULL,
	"from_status" "port_request_status",
	"to_status" "port_request_status",
	"reason" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "port_request_numbers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"country" "port_country" NOT NULL,
	"is_toll_free" boolean DEFAULT false NOT NULL,
	"receiving_number" text NOT NULL,
	"tracking_source_id" uuid,
	"target_account_id" uuid NOT NULL,
	"status" "port_number_status" DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"ported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "port_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"created_by_user_id" text NOT NULL,
	"status" "port_request_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number_group" "number_group",
	"sibling_group_id" uuid,
	"losing_carrier" text,
	"requested_port_date" date,
	"customer_name" text,
	"carrier_account_number" text,
	"account_pin_ciphertext" text,
	"port_type" "port_type",
	"billing_telephone_number" text,
	"btn_is_porting" boolean,
	"billing_address" jsonb,
	"pending_signature" jsonb,
	"agreement_accepted_at" timestamp with time zone,
	"completed_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"submitted_at" timestamp with time zone,
	"foc_date" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proof_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_request_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_accounts" ADD CONSTRAINT "auth_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authenticators" ADD CONSTRAINT "authenticators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_account_id_accounts_id_fk" FOREIGN KEY ("parent_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_numbers" ADD CONSTRAINT "tracking_numbers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_numbers" ADD CONSTRAINT "tracking_numbers_tracking_source_id_tracking_sources_id_fk" FOREIGN KEY ("tracking_source_id") REFERENCES "public"."tracking_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_sources" ADD CONSTRAINT "tracking_sources_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alternate_routings" ADD CONSTRAINT "alternate_routings_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alternate_routings" ADD CONSTRAINT "alternate_routings_tracking_number_id_tracking_numbers_id_fk" FOREIGN KEY ("tracking_number_id") REFERENCES "public"."tracking_numbers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loa_signatures" ADD CONSTRAINT "loa_signatures_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loa_signatures" ADD CONSTRAINT "loa_signatures_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_events" ADD CONSTRAINT "port_request_events_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_events" ADD CONSTRAINT "port_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD CONSTRAINT "port_request_numbers_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD CONSTRAINT "port_request_numbers_tracking_source_id_tracking_sources_id_fk" FOREIGN KEY ("tracking_source_id") REFERENCES "public"."tracking_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_request_numbers" ADD CONSTRAINT "port_request_numbers_target_account_id_accounts_id_fk" FOREIGN KEY ("target_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_requests" ADD CONSTRAINT "port_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_requests" ADD CONSTRAINT "port_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proof_files" ADD CONSTRAINT "proof_files_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proof_files" ADD CONSTRAINT "proof_files_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_parent_idx" ON "accounts" USING btree ("parent_account_id");--> statement-breakpoint
CREATE INDEX "memberships_account_idx" ON "memberships" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "tracking_numbers_account_idx" ON "tracking_numbers" USING btree ("account_id","number");--> statement-breakpoint
CREATE INDEX "tracking_numbers_receiving_idx" ON "tracking_numbers" USING btree ("receiving_number");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_sources_account_name_idx" ON "tracking_sources" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_emails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_subject_ref_idx" ON "outbox_emails" USING btree ("subject_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "alternate_routings_request_tracking_idx" ON "alternate_routings" USING btree ("port_request_id","tracking_number_id");--> statement-breakpoint
CREATE INDEX "loa_signatures_request_idx" ON "loa_signatures" USING btree ("port_request_id","signed_at");--> statement-breakpoint
CREATE INDEX "port_request_events_request_idx" ON "port_request_events" USING btree ("port_request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "port_request_numbers_request_number_idx" ON "port_request_numbers" USING btree ("port_request_id","number");--> statement-breakpoint
CREATE INDEX "port_request_numbers_number_idx" ON "port_request_numbers" USING btree ("number");--> statement-breakpoint
CREATE INDEX "port_requests_account_created_idx" ON "port_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "port_requests_status_submitted_idx" ON "port_requests" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "port_requests_sibling_idx" ON "port_requests" USING btree ("sibling_group_id");--> statement-breakpoint
CREATE INDEX "proof_files_request_idx" ON "proof_files" USING btree ("port_request_id");