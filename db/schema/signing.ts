import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './api';
import { users } from './auth';
import { portRequests } from './porting';

// "Send for signature": the LOA emailed to the authorized person at the business, who need not be
// a platform user. The link's token is kept only as its SHA-256; it is single-use, valid 7 days,
// revocable and resent on request (a resend issues a new token and retires the old one).
export const loaSignatureRequests = pgTable(
  'loa_signature_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    signerName: text('signer_name').notNull(),
    // The authorized person's title at the business: on the LOA, its certificate and the carrier order.
    signerTitle: text('signer_title'),
    signerEmail: text('signer_email').notNull(),
    tokenSha256: text('token_sha256').notNull(),
    sentByUserId: text('sent_by_user_id').notNull().references(() => users.id),
    sentByApiKeyId: uuid('sent_by_api_key_id').references(() => apiKeys.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
    sendCount: integer('send_count').notNull().default(1),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('loa_signature_requests_token_idx').on(t.tokenSha256), index('loa_signature_requests_request_idx').on(t.portRequestId, t.createdAt)],
);
