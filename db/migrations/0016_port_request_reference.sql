-- A short reference for each request (PR-2026-0142), read out on the phone and typed in the desk's
-- search. Numbered by one sequence; the year is the year it was made. Never fewer than 4 digits,
-- never cut short past 9999. Requests made before this migration are numbered as the column is added.
CREATE SEQUENCE IF NOT EXISTS "port_request_reference_seq";--> statement-breakpoint
CREATE OR REPLACE FUNCTION next_port_request_reference() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'PR-' || to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(s.n::text, greatest(4, length(s.n::text)), '0')
  FROM (SELECT nextval('port_request_reference_seq') AS n) s
$$;--> statement-breakpoint
ALTER TABLE "port_requests" ADD COLUMN "reference" text DEFAULT next_port_request_reference() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "port_requests_reference_idx" ON "port_requests" USING btree ("reference");
