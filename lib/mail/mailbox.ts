import 'server-only';
import { desc } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { mailboxMessages } from '@/db/schema';

/** The local mailbox, newest first; exists only while the mailbox transport is active. */
export async function listMailbox(db: Queryable, limit = 100) {
  return db.select().from(mailboxMessages).orderBy(desc(mailboxMessages.deliveredAt)).limit(limit);
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
