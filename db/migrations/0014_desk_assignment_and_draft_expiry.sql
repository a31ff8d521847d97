ALTER TABLE "port_requests" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "port_requests" ADD COLUMN "assigned_to_user_id" text;--> statement-breakpoint
ALTER TABLE "port_requests" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "port_requests" ADD COLUMN "draft_expiry_warned_at" timestamp with time zone;--> statement-breakpoint
-- Existing requests entered their status at their last status change (or, never changed, when made).
UPDATE "port_requests" SET "status_changed_at" = coalesce(
  (SELECT max(e."created_at") FROM "port_request_events" e WHERE e."port_request_id" = "port_requests"."id" AND e."type" = 'status_changed'),
  "created_at");--> statement-breakpoint
ALTER TABLE "port_requests" ADD CONSTRAINT "port_requests_assigned_to_user_id_users_id_fk" FOREIGN KEY ("assigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "port_requests_assignee_idx" ON "port_requests" USING btree ("assigned_to_user_id","updated_at") WHERE "port_requests"."status" in ('submitted', 'in_review', 'changes_needed', 'approved', 'scheduled');--> statement-breakpoint
CREATE INDEX "port_requests_draft_updated_idx" ON "port_requests" USING btree ("updated_at") WHERE "port_requests"."status" = 'draft';