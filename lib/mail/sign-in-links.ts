import 'server-only';
import { and, eq, inArray, isNull, lte, notLike, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { mailboxMessages, outboxEmails } from '@/db/schema';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/sign-in-link-lifetime';

// A sign-in email's body is its link, a live credential: the database keeps it only while it is
// of use (until delivered to Resend, or until it expires in the local mailbox).
export const SIGN_IN_TEMPLATE = 'sign-in-link';

// Counted from the outbox row's created_at, written in the transaction that issued the token.
export const SIGN_IN_LINK_LIFETIME_MS = SIGN_IN_LINK_MINUTES * 60_000;

// Every note starts with this, so a sweep can tell a redacted body from a live one.
const NOTE_PREFIX = '[sign-in link removed';
export const REMOVED_AFTER_DELIVERY = `${NOTE_PREFIX} after delivery]`;
export const REMOVED_AFTER_EXPIRY = `${NOTE_PREFIX}: it expired]`;
export const EXPIRED_BEFORE_DELIVERY = 'sign-in link expired before delivery; not sent';

type Message = { template: string; createdAt: Date; html: string | null };

export function isSignInEmail(message: { template: string }): boolean {
  return message.template === SIGN_IN_TEMPLATE;
}

/** A sign-in email whose link has expired (or was already removed): sending it is no use. */
export function isDeadSignInEmail(message: Message, now: Date): boolean {
  if (!isSignInEmail(message)) return false;
  return message.createdAt.getTime() + SIGN_IN_LINK_LIFETIME_MS <= now.getTime() || !!message.html?.startsWith(NOTE_PREFIX);
}

// The LOA signing link is a credential too (to sign for the business, for 7 days): once the
// email has left, the outbox keeps only a note. Only its SHA-256 is kept in loa_signature_requests.
const SIGNING_LINK_TEMPLATE = 'loa-signature-request';
const LINK_REMOVED_AFTER_DELIVERY = '[signing link removed after delivery]';

/** What to store in place of the bodies once a message is delivered: nothing changes for other emails. */
export function bodiesAfterDelivery(message: { template: string }): { html?: string; text?: string; props?: Record<string, unknown> } {
  if (isSignInEmail(message)) return { html: REMOVED_AFTER_DELIVERY, text: REMOVED_AFTER_DELIVERY, props: {} };
  if (message.template === SIGNING_LINK_TEMPLATE) return { html: LINK_REMOVED_AFTER_DELIVERY, text: LINK_REMOVED_AFTER_DELIVERY, props: {} };
  return {};
}

/**
 * Removes expired sign-in links from the outbox and the local mailbox; an expired one not yet
 * delivered becomes failed, never sent. Run by the outbox worker; safe to repeat.
 */
export async function redactExpiredSignInLinks(db: Queryable, now = new Date()): Promise<{ outbox: number; mailbox: number }> {
  const expired = and(
    eq(outboxEmails.template, SIGN_IN_TEMPLATE),
    lte(outboxEmails.createdAt, new Date(now.getTime() - SIGN_IN_LINK_LIFETIME_MS)),
  );
  const outbox = await db
    .update(outboxEmails)
    .set({
      html: REMOVED_AFTER_EXPIRY,
      text: REMOVED_AFTER_EXPIRY,
      // The props hold the link until the email is rendered.
      props: {},
      // A message being sent keeps its status: its worker finishes it (and redacts it again).
      status: sql`case when ${outboxEmails.status} = 'pending' then 'failed'::outbox_status else ${outboxEmails.status} end`,
      lastError: sql`case when ${outboxEmails.status} = 'pending' then ${EXPIRED_BEFORE_DELIVERY} else ${outboxEmails.lastError} end`,
    })
    .where(and(expired, or(isNull(outboxEmails.html), notLike(outboxEmails.html, `${NOTE_PREFIX}%`))))
    .returning({ id: outboxEmails.id });
  // The mailbox has no template column: its rows share the outbox id.
  const mailbox = await db
    .update(mailboxMessages)
    .set({ html: REMOVED_AFTER_EXPIRY, text: REMOVED_AFTER_EXPIRY })
    .where(
      and(
        inArray(mailboxMessages.outboxId, db.select({ id: outboxEmails.id }).from(outboxEmails).where(expired)),
        notLike(mailboxMessages.html, `${NOTE_PREFIX}%`),
      ),
    )
    .returning({ id: mailboxMessages.outboxId });
  return { outbox: outbox.length, mailbox: mailbox.length };
}
