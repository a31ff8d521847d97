import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { users } from './auth';

// An account's keys for /api/v1. Only the SHA-256 of the secret is kept: the key is shown once.
// A key acts for its account (and an agency's sub-accounts) as an admin of that account would;
// createdByUserId is the person answerable for it (and the sender of what the key submits).
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The visible start of the key ("pn_live_3fa9c2"), so a person can tell keys apart in lists and logs.
    prefix: text('prefix').notNull(),
    secretSha256: text('secret_sha256').notNull(),
    scopes: text('scopes').array().notNull(),
    createdByUserId: text('created_by_user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: text('revoked_by_user_id').references(() => users.id),
  },
  (t) => [uniqueIndex('api_keys_secret_idx').on(t.secretSha256), index('api_keys_account_idx').on(t.accountId, t.createdAt)],
);

export const idempotencyState = pgEnum('idempotency_state', ['in_progress', 'done']);

// The first answer to a POST with an Idempotency-Key, replayed for 24 hours to the same key and body.
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apiKeyId: uuid('api_key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused.
    requestSha256: text('request_sha256').notNull(),
    state: idempotencyState('state').notNull().default('in_progress'),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('api_idempotency_key_idx').on(t.apiKeyId, t.key), index('api_idempotency_expires_idx').on(t.expiresAt)],
);

// One row per API call: what each key did, for the account's admins and the audit trail.
export const apiCalls = pgTable(
  'api_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apiKeyId: uuid('api_key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    durationMs: integer('duration_ms').notNull(),
    ipAddress: text('ip_address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_calls_key_at_idx').on(t.apiKeyId, t.at)],
);
