import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

export const trackingSources = pgTable(
  'tracking_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // People type "google ads" for "Google Ads": one source per name regardless of case.
  (t) => [
    uniqueIndex('tracking_sources_account_name_idx').on(t.accountId, sql`lower(${t.name})`),
    // What a port request's numbers refer to: a source together with the account it belongs to.
    unique('tracking_sources_id_account_key').on(t.id, t.accountId),
  ],
);

export const voiceStatus = pgEnum('voice_status', ['active', 'inactive']);
// pending: ported, carriers still updating SMS routing ("SMS is not supported" until active).
export const smsStatus = pgEnum('sms_status', ['active', 'pending', 'exception']);

export const trackingNumbers = pgTable(
  'tracking_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    // E.164; a number lives on the platform once, in one account.
    number: text('number').notNull().unique(),
    receivingNumber: text('receiving_number').notNull(),
    trackingSourceId: uuid('tracking_source_id').references(() => trackingSources.id),
    voiceStatus: voiceStatus('voice_status').notNull().default('active'),
    smsStatus: smsStatus('sms_status').notNull().default('active'),
    // Set for numbers that came in through a port: the request that brought them.
    portRequestId: uuid('port_request_id'),
    smsActivatedAt: timestamp('sms_activated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tracking_numbers_account_idx').on(t.accountId, t.number),
    index('tracking_numbers_receiving_idx').on(t.receivingNumber),
  ],
);
