import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { mailboxMessages, outboxEmails } from '@/db/schema';
import { isDeadSignInEmail, REMOVED_AFTER_EXPIRY } from './sign-in-links';

/**
 * The local mailbox, newest first; exists only while the mailbox transport is active. A sign-in
 * link shows until it expires, even before the worker's sweep removes the stored copy.
 */
export async function listMailbox(db: Queryable, limit = 100, now = new Date()) {
  const rows = await db
    .select({ message: mailboxMessages, template: outboxEmails.template, createdAt: outboxEmails.createdAt })
    .from(mailboxMessages)
    .leftJoin(outboxEmails, eq(outboxEmails.id, mailboxMessages.outboxId))
    .orderBy(desc(mailboxMessages.deliveredAt))
    .limit(limit);
  return rows.map(({ message, template, createdAt }) =>
    template && createdAt && isDeadSignInEmail({ template, createdAt, html: message.html }, now)
      ? { ...message, html: REMOVED_AFTER_EXPIRY, text: REMOVED_AFTER_EXPIRY }
      : message,
  );
}

/** The links in an email, so the mailbox page can offer them as plain links. */
export function linksIn(html: string): { href: string; text: string }[] {
  const links: { href: string; text: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = match[1].replaceAll('&amp;', '&');
    const text = match[2]
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#?\w+;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (/^https?:\/\//.test(href) && !links.some((l) => l.href === href)) links.push({ href, text: text || href });
  }
  return links;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One attachment of a delivered message (by its place in the message), to download from the mailbox page. */
export async function findMailboxAttachment(db: Queryable, outboxId: string, index: number) {
  if (!UUID.test(outboxId) || !Number.isInteger(index) || index < 0) return null;
  const [message] = await db.select({ attachments: mailboxMessages.attachments }).from(mailboxMessages).where(eq(mailboxMessages.outboxId, outboxId));
  const attachment = message?.attachments[index];
  return attachment ? { filename: attachment.filename, contentType: attachment.contentType, content: Buffer.from(attachment.contentBase64, 'base64') } : null;
}
