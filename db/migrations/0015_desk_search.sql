-- The desk's search matches part of a name in any case: trigram indexes (pg_trgm is a trusted extension on PostgreSQL 13+; PGlite loads it in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "port_requests_customer_name_trgm_idx" ON "port_requests" USING gin ("customer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "port_requests_losing_carrier_trgm_idx" ON "port_requests" USING gin ("losing_carrier" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "port_requests_status_changed_idx" ON "port_requests" USING btree ("status","status_changed_at");--> statement-breakpoint
CREATE INDEX "carrier_orders_external_id_idx" ON "carrier_orders" USING btree ("external_id");