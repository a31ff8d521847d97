import type { SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { outboxEmails } from '@/db/schema';
import { renderEmail } from '@/lib/mail/render-email';

/**
 * Outbox rows as their recipients will read them: emails are rendered at delivery, so a test that
 * reads one before delivering renders it here with the same function the outbox uses.
 */
export async function renderedEmails(db: Queryable, where?: SQL) {
  const rows = await db.select().from(outboxEmails).where(where).orderBy(outboxEmails.createdAt);
  return Promise.all(rows.map(async (row) => (row.html !== null && row.text !== null ? { ...row, html: row.html, text: row.text } : { ...row, ...(await renderEmail(row)) })));
}
