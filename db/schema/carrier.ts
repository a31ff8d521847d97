import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { portRequests } from './porting';

export type CarrierException = { code: string; description?: string };

// A port order placed with the upstream carrier for a request (a request may hold several when the
// carrier splits it). Created "queued" by "Submit to carrier" in the decision's transaction, placed
// by a job (retried with backoff while the carrier is down), then kept in step with the carrier's
// webhooks and the reconciliation job. The carrier's own status words are kept as they are.
export const carrierOrders = pgTable(
  'carrier_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    carrier: text('carrier').notNull(),
    // The carrier's order id; null until the order is placed.
    externalId: text('external_id'),
    supportKey: text('support_key'),
    status: text('status').notNull().default('queued'),
    exceptions: jsonb('exceptions').$type<CarrierException[]>().notNull().default([]),
    numbers: text('numbers').array().notNull(),
    focRequestedAt: timestamp('foc_requested_at', { withTimezone: true }),
    focConfirmedAt: timestamp('foc_confirmed_at', { withTimezone: true }),
    fastPortEligible: boolean('fast_port_eligible'),
    messagingStatus: text('messaging_status'),
    // How many times the requested FOC was changed after the carrier confirmed one.
    focChangesAfterConfirm: integer('foc_changes_after_confirm').notNull().default(0),
    requestedByUserId: text('requested_by_user_id').references(() => users.id),
    lastError: text('last_error'),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('carrier_orders_request_idx').on(t.portRequestId),
    uniqueIndex('carrier_orders_external_idx').on(t.carrier, t.externalId),
    // The desk finds a request by the carrier's order id alone (the unique index leads with the carrier).
    index('carrier_orders_external_id_idx').on(t.externalId),
    index('carrier_orders_open_idx').on(t.closedAt, t.lastEventAt),
  ],
);

// Every webhook the carrier sent, recorded (verified) before it acts: the event id makes a replay a no-op.
export const carrierWebhookEvents = pgTable(
  'carrier_webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    carrier: text('carrier').notNull(),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    orderExternalId: text('order_external_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [uniqueIndex('carrier_webhook_events_event_idx').on(t.carrier, t.eventId)],
);
