import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { portRequests } from './porting';

export type ChangeReason = { code: string; numbers?: string[] };

/**
 * What the customer can change on a request, as the team read it when asking for changes: each
 * value as the console shows it, so a later comparison reads "before → after" with no decoding.
 * Never the PIN (only whether one is on file).
 */
export type ReviewSnapshot = {
  fields: Record<string, string>;
  /** By number ("(410) 555-0110"): where it rings, its source and account. */
  numbers: Record<string, string>;
  /** By tracking number: where it forwards once the number it rings today has ported. */
  routing: Record<string, string>;
  /** The proof files and the signed letter, each named with a short fingerprint. */
  files: Record<string, string>;
  /** A fingerprint of the PIN's ciphertext (random per encryption): tells a PIN entered again, never the PIN. */
  pinMark: string | null;
};

// What the regulatory team asked the customer to fix; resolved when the customer resubmits.
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portRequestId: uuid('port_request_id').notNull().references(() => portRequests.id, { onDelete: 'cascade' }),
    reasons: jsonb('reasons').$type<ChangeReason[]>().notNull(),
    note: text('note'),
    // Null when the carrier raised it (source 'carrier'): its exception codes mapped to our reasons.
    requestedByUserId: text('requested_by_user_id').references(() => users.id),
    source: text('source').$type<'team' | 'carrier'>().notNull().default('team'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    // When the customer entered a new PIN in answer (the reasons asked for one): "Resubmit" needs it.
    pinReplacedAt: timestamp('pin_replaced_at', { withTimezone: true }),
    // What the customer could change, as it stood when the change was asked: the desk's "changed since the last review".
    reviewSnapshot: jsonb('review_snapshot').$type<ReviewSnapshot>(),
  },
  (t) => [index('change_requests_request_idx').on(t.portRequestId, t.createdAt)],
);

export const jobStatus = pgEnum('job_status', ['pending', 'running', 'done', 'failed']);

// Durable scheduled work (e.g. SMS activation a few business days after a port): survives restarts,
// claimed with SKIP LOCKED so several app instances run each job once.
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    dedupeKey: text('dedupe_key').unique(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    status: jobStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('scheduled_jobs_due_idx').on(t.status, t.runAt)],
);
