import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { apiKeys } from './api';
import { users } from './auth';
import { trackingNumbers, trackingSources } from './numbers';

// Customer-facing names; transitions live in lib/porting/status (the only writer of status).
export const portRequestStatus = pgEnum('port_request_status', [
  'draft',
  'submitted',
  'in_review',
  'changes_needed',
  'approved',
  'scheduled',
  'completed',
  'cancelled',
]);

export const portNumberStatus = pgEnum('port_number_status', ['pending', 'approved', 'rejected', 'scheduled', 'ported', 'cancelled']);
export const portType = pgEnum('port_type', ['full', 'partial']);
export const portCountry = pgEnum('port_country', ['US', 'CA']);
// Carriers port US local, Canadian and toll-free numbers separately: one request per group.
export const numberGroup = pgEnum('number_group', ['us_local', 'ca_local', 'toll_free']);

export type PendingSignature = ({ kind: 'typed'; typedName: string } | { kind: 'drawn'; pngBase64: string }) & { signerTitle?: string };

export type BillingAddress = {
  street: string;
  unit?: string;
  city: string;
  region: string;
  postalCode: string;
  country: 'US' | 'CA';
};

export const portRequests = pgTable(
  'port_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The short reference people read out and type (PR-2026-0142): on the letter, the pages, the
    // emails and the desk's search. Made by the database (next_port_request_reference(), migration 0016).
    reference: text('reference').notNull().default(sql`next_port_request_reference()`),
    // The account the request was made in; each number may name a sub-account to live in.
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    createdByUserId: text('created_by_user_id').notNull().references(() => users.id),
    status: portRequestStatus('status').notNull().default('draft'),
    // Optimistic locking: a decision made on an old version is refused, not silently applied.
    version: integer('version').notNull().default(1),
    // Set at submission, when a mixed draft is split into sibling requests sharing siblingGroupId.
    numberGroup: numberGroup('number_group'),
    siblingGroupId: uuid('sibling_group_id'),
    losingCarrier: text('losing_carrier'),
    requestedPortDate: date('requested_port_date'),
    customerName: text('customer_name'),
    carrierAccountNumber: text('carrier_account_number'),
    // AES-256-GCM ciphertext (lib/crypto/pin); the clear PIN is never stored or shown to customers.
    accountPinCiphertext: text('account_pin_ciphertext'),
    portType: portType('port_type'),
    billingTelephoneNumber: text('billing_telephone_number'),
    btnIsPorting: boolean('btn_is_porting'),
    billingAddress: jsonb('billing_address').$type<BillingAddress>(),
    // Where the lines are installed, when not at the billing address (null: the same). Carriers match it.
    serviceAddress: jsonb('service_address').$type<BillingAddress>(),
    // A signature made on the LOA page, waiting for "I Agree" to be recorded.
    pendingSignature: jsonb('pending_signature').$type<PendingSignature>(),
    agreementAcceptedAt: timestamp('agreement_accepted_at', { withTimezone: true }),
    completedSteps: text('completed_steps').array().notNull().default(sql`'{}'::text[]`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    focDate: timestamp('foc_date', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // When the request entered its current status (written by transitionRequest): the desk's time in status.
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    // The team member working the request (null: unassigned); set to null if the user goes.
    assignedToUserId: text('assigned_to_user_id').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    // When the "this draft will be removed" email went out for the draft's current idle spell; a
    // later edit (updatedAt after it) starts a new spell.
    draftExpiryWarnedAt: timestamp('draft_expiry_warned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('port_requests_reference_idx').on(t.reference),
    index('port_requests_account_created_idx').on(t.accountId, t.createdAt),
    index('port_requests_status_submitted_idx').on(t.status, t.submittedAt),
    // The team's queue: by status, longest waiting first; and all open requests, longest waiting first.
    index('port_requests_status_updated_idx').on(t.status, t.updatedAt),
    index('port_requests_open_updated_idx')
      .on(t.updatedAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_review', 'changes_needed', 'approved', 'scheduled')`),
    index('port_requests_sibling_idx').on(t.siblingGroupId),
    // "Mine" and "Unassigned" on the queue; the draft sweep (untouched longest first).
    index('port_requests_assignee_idx')
      .on(t.assignedToUserId, t.updatedAt)
      .where(sql`${t.status} in ('submitted', 'in_review', 'changes_needed', 'approved', 'scheduled')`),
    index('port_requests_draft_updated_idx').on(t.updatedAt).where(sql`${t.status} = 'draft'`),
    // The desk's search: part of a name, any case (pg_trgm, loaded on PGlite in db/client.ts); and
    // "Past target", a time threshold per status.
    index('port_requests_customer_name_trgm_idx').using('gin', t.customerName.op('gin_trgm_ops')),
    index('port_requests_losing_carrier_trgm_idx').using('gin', t.losingCarrier.op('gin_trgm_ops')),
    index('port_requests_status_changed_idx').on(t.status, t.statusChangedAt),
  ],
);

export const portRequestNumbers = pgTable(
  'port_request_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    country: portCountry('country').notNull(),
    isTollFree: boolean('is_toll_free').notNull().default(false),
    receivingNumber: text('receiving_number').notNull(),
    // The source its calls will be attributed to: one of the target account's (the key below).
    trackingSourceId: uuid('tracking_source_id').notNull(),
    // The account the number will live in: the request's account or one of its sub-accounts.
    targetAccountId: uuid('target_account_id').notNull(),
    status: portNumberStatus('status').notNull().default('pending'),
    statusReason: text('status_reason'),
    portedAt: timestamp('ported_at', { withTimezone: true }),
    // What the upstream carrier's portability check said (null: not asked, or CARRIER=manual).
    currentCarrier: text('current_carrier'),
    fastPortable: boolean('fast_portable'),
    messagingCapable: boolean('messaging_capable'),
  },
  (t) => [
    uniqueIndex('port_request_numbers_request_number_idx').on(t.portRequestId, t.number),
    index('port_request_numbers_number_idx').on(t.number),
    // One key for both: the source exists and is one of the target account's (so the account
    // exists too). Two keys checked every row twice, a fifth of a 10,000-line import on PGlite.
    foreignKey({
      name: 'port_request_numbers_source_of_target_account_fk',
      columns: [t.trackingSourceId, t.targetAccountId],
      foreignColumns: [trackingSources.id, trackingSources.accountId],
    }),
  ],
);

export const loaSignatureKind = pgEnum('loa_signature_kind', ['drawn', 'typed']);

// Every signature is kept; a change to what was signed voids it (voidedAt) and asks for a new one.
export const loaSignatures = pgTable(
  'loa_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    // Null when the LOA was sent for signature to someone who is not a platform user.
    signerUserId: text('signer_user_id').references(() => users.id),
    // Set when signed through an emailed link (loa_signature_requests.id; no FK: the tables refer to each other's rows only by id).
    signatureRequestId: uuid('signature_request_id'),
    signerName: text('signer_name').notNull(),
    // The authorized person's title at the business: on the LOA, its certificate and the carrier order.
    signerTitle: text('signer_title'),
    signerEmail: text('signer_email').notNull(),
    kind: loaSignatureKind('kind').notNull(),
    pdfKey: text('pdf_key').notNull(),
    snapshotKey: text('snapshot_key').notNull(),
    contentSha256: text('content_sha256').notNull(),
    ipAddress: text('ip_address').notNull(),
    // X-Forwarded-For as received, beside the address believed (ipAddress): kept, never trusted.
    forwardedFor: text('forwarded_for'),
    userAgent: text('user_agent').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [index('loa_signatures_request_idx').on(t.portRequestId, t.signedAt)],
);

export const proofFiles = pgTable(
  'proof_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByUserId: text('uploaded_by_user_id').notNull().references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proof_files_request_idx').on(t.portRequestId)],
);

// The audit trail: every change of a request, who made it and why; the timeline shows these.
export const portRequestEvents = pgTable(
  'port_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null once a discarded draft is deleted: its events of the account (accountId) stay, the rest
    // are deleted with it (lib/porting/wizard/discard-draft).
    portRequestId: uuid('port_request_id').references(() => portRequests.id, { onDelete: 'set null' }),
    // Set on events counted against the account (portability checks), so they outlive the request.
    accountId: uuid('account_id').references(() => accounts.id),
    actorUserId: text('actor_user_id').references(() => users.id),
    // Set when the actor was an API key: the audit trail names the key, not only the person answerable for it.
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id),
    type: text('type').notNull(),
    fromStatus: portRequestStatus('from_status'),
    toStatus: portRequestStatus('to_status'),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('port_request_events_request_idx').on(t.portRequestId, t.createdAt),
    index('port_request_events_account_type_created_idx').on(t.accountId, t.type, t.createdAt),
    // An event belongs to a request or an account: never to no one.
    check('port_request_events_owner_check', sql`${t.portRequestId} is not null or ${t.accountId} is not null`),
  ],
);

// Tracking numbers that forward to a number being ported, and where they should forward instead,
// applied when the port completes.
export const alternateRoutings = pgTable(
  'alternate_routings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    trackingNumberId: uuid('tracking_number_id').notNull().references(() => trackingNumbers.id),
    portingNumber: text('porting_number').notNull(),
    newReceivingNumber: text('new_receiving_number').notNull(),
  },
  (t) => [uniqueIndex('alternate_routings_request_tracking_idx').on(t.portRequestId, t.trackingNumberId)],
);

/**
 * Lines the customer's "Add to request" refused, kept on the draft as typed with the reason, to fix
 * on the numbers step (or dismiss) across reloads and visits; gone once added or dismissed.
 */
export const linesToFix = pgTable(
  'lines_to_fix',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    /** Where the line came from, as the user reads it: "Row 2", "numbers.csv, line 14". */
    origin: text('origin').notNull(),
    position: integer('position').notNull(),
    numberToPort: text('number_to_port').notNull(),
    receivingNumber: text('receiving_number'),
    trackingSource: text('tracking_source'),
    accountName: text('account_name'),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lines_to_fix_request_idx').on(t.portRequestId, t.position)],
);

export const inquiryStatus = pgEnum('inquiry_status', ['open', 'closed']);

// Ports from outside the US and Canada go through the regulatory team by ticket ("submit a ticket").
export const internationalPortInquiries = pgTable(
  'international_port_inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    createdByUserId: text('created_by_user_id').notNull().references(() => users.id),
    numbers: text('numbers').array().notNull(),
    countries: text('countries').array().notNull(),
    note: text('note'),
    status: inquiryStatus('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('international_inquiries_status_idx').on(t.status, t.createdAt)],
);

// The conversation between the regulatory team and the customer about an international inquiry.
export const internationalInquiryMessages = pgTable(
  'international_inquiry_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inquiryId: uuid('inquiry_id').notNull().references(() => internationalPortInquiries.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').notNull().references(() => users.id),
    fromTeam: boolean('from_team').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('international_inquiry_messages_idx').on(t.inquiryId, t.createdAt)],
);
