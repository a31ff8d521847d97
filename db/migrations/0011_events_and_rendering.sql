ALTER TABLE "outbox_emails" ALTER COLUMN "html" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "props" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "pin_replaced_at" timestamp with time zone;--> statement-breakpoint
-- The state "a new PIN was entered after the team asked" moves from the audit log to its column.
UPDATE "change_requests" c SET "pin_replaced_at" = (
  SELECT min(e."created_at") FROM "port_request_events" e
  WHERE e."port_request_id" = c."port_request_id" AND e."type" = 'pin_replaced' AND e."created_at" > c."created_at"
) WHERE c."resolved_at" IS NULL;
