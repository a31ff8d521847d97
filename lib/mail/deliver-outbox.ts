import 'server-only';
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outboxEmails } from '@/db/schema';
import { getMetrics } from '@/lib/ops/metrics';
import { renderEmail } from './render-email';
import { bodiesAfterDelivery, EXPIRED_BEFORE_DELIVERY, isDeadSignInEmail, REMOVED_AFTER_EXPIRY } from './sign-in-links';
import type { MailTransport, OutboxMessage } from './transport';

export const MAX_DELIVERY_ATTEMPTS = 8;
// A worker that dies mid-delivery leaves its claim; after this lease another worker retries it.
const CLAIM_LEASE_SECONDS = 120;

/** 30 s, 1 min, 2 min, ... capped at 1 h: a mail outage of hours still ends in delivery. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED, so any number of app instances can run this
 * at once without two of them taking the same message, then delivers each.
 */
export async function deliverDueEmails(options: {
  db: Database;
  transport: MailTransport;
  now?: Date;
  batchSize?: number;
  /** Messages in flight at once: the mail API answers in tens of milliseconds, so one at a time wastes them. */
  concurrency?: number;
}): Promise<DeliveryReport> {
  const { db, transport, batchSize = 25, concurrency = 5 } = options;
  const now = options.now ?? new Date();
  const due = db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(
      or(
        and(eq(outboxEmails.status, 'pending'), lte(outboxEmails.nextAttemptAt, now)),
        and(eq(outboxEmails.status, 'sending'), lt(outboxEmails.lockedUntil, now)),
      ),
    )
    .orderBy(outboxEmails.nextAttemptAt)
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const messages = await db
    .update(outboxEmails)
    .set({
      status: 'sending',
      attempts: sql`${outboxEmails.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000),
    })
    .where(inArray(outboxEmails.id, due))
    .returning();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < messages.length; i += concurrency) {
    const outcomes = await Promise.all(messages.slice(i, i + concurrency).map((message) => deliverOne(db, transport, message, now)));
    for (const outcome of outcomes) {
      report[outcome] += 1;
      getMetrics().emailSends.inc({ outcome });
    }
  }
  return report;
}

async function deliverOne(db: Database, transport: MailTransport, message: OutboxMessage, now: Date) {
  if (isDeadSignInEmail(message, now)) {
    // A link that no longer works is no use to anyone: not sent, and not kept.
    await db
      .update(outboxEmails)
      .set({ status: 'failed', lastError: EXPIRED_BEFORE_DELIVERY, lockedUntil: null, html: REMOVED_AFTER_EXPIRY, text: REMOVED_AFTER_EXPIRY, props: {} })
      .where(eq(outboxEmails.id, message.id));
    return 'failed' as const;
  }
  try {
    // Rendered here, after the change it reports has committed: a template that throws is retried
    // like a mail service that is down, and the change stands.
    const bodies = message.html !== null && message.text !== null ? { html: message.html, text: message.text } : await renderStage(message);
    const { providerMessageId } = await transport.deliver({ ...message, ...bodies });
    await db
      .update(outboxEmails)
      // A sign-in link is kept only until it is handed over, in the same update that says so.
      .set({ status: 'sent', sentAt: new Date(), providerMessageId, lockedUntil: null, lastError: null, ...bodies, ...bodiesAfterDelivery(message) })
      .where(eq(outboxEmails.id, message.id));
    return 'sent' as const;
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    const gaveUp = message.attempts >= MAX_DELIVERY_ATTEMPTS;
    await db
      .update(outboxEmails)
      .set({
        // failed stays in the table, listed with its error, and can be retried by hand.
        status: gaveUp ? 'failed' : 'pending',
        lastError,
        lockedUntil: null,
        nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000),
      })
      .where(eq(outboxEmails.id, message.id));
    return gaveUp ? ('failed' as const) : ('retrying' as const);
  }
}

async function renderStage(message: OutboxMessage): Promise<{ html: string; text: string }> {
  try {
    return await renderEmail(message);
  } catch (error) {
    throw new Error(`the ${message.template} template could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Puts a failed message back in line (the "retry" of a message that ran out of attempts). */
export async function retryFailedEmail(db: Database, id: string): Promise<void> {
  await db
    .update(outboxEmails)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date() })
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, 'failed')));
}
