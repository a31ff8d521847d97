import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestNotes, portRequestNumbers, portRequests, type OutboxAttachment } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { sendEmail } from '@/lib/mail/send-email';
import { formatPhoneNumber } from '@/lib/phone/format';
import { PortUpdateEmail, type PortUpdate } from '@/emails/port-update';
import { updateRecipients } from './update-recipients';

/** "Port request for Acme Dental LLC: (410) 555-0110 and 2 more" */
export async function requestLabel(tx: Transaction, requestId: string): Promise<string> {
  const [request] = await tx.select({ customerName: portRequests.customerName }).from(portRequests).where(eq(portRequests.id, requestId));
  const numbers = await tx
    .select({ number: portRequestNumbers.number, total: sql<number>`count(*) over ()::int` })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, requestId))
    .orderBy(asc(portRequestNumbers.position))
    .limit(2);
  const total = numbers[0]?.total ?? 0;
  const shown = numbers.map((n) => formatPhoneNumber(n.number)).join(', ');
  const more = total > numbers.length ? ` and ${total - numbers.length} more` : '';
  return `Port request for ${request?.customerName ?? 'your numbers'}: ${shown}${more}`;
}

/**
 * Emails an update to the submitter and every recipient, through the outbox of the caller's
 * transaction, so the email exists exactly when the change it reports does, and keeps the same
 * update in the request's notes (the bubble in Port Numbers). Never includes the PIN: the update is
 * built from what the caller passes, and no caller has it.
 */
export async function notifyRequestUpdate(
  tx: Transaction,
  requestId: string,
  email: { template: string; subject: string; update: PortUpdate; attachments?: OutboxAttachment[]; alreadyInNotes?: boolean },
): Promise<void> {
  if (!email.alreadyInNotes) {
    await tx.insert(portRequestNotes).values({ portRequestId: requestId, authorUserId: null, fromTeam: true, visibility: 'public', body: updateAsText(email.update) });
  }
  const to = await updateRecipients(tx, requestId);
  if (to.length === 0) return;
  const label = await requestLabel(tx, requestId);
  await sendEmail(tx, {
    to,
    subject: `${email.subject} · ${label}`,
    template: email.template,
    body: PortUpdateEmail({ update: email.update, requestUrl: `${getEnv().appUrl}/numbers/port/${requestId}`, requestLabel: label }),
    subjectRef: `port-request:${requestId}`,
    attachments: email.attachments,
  });
}

/** The update as the notes thread shows it: plain text, the same words as the email. */
function updateAsText(update: PortUpdate): string {
  const items = (update.items ?? []).map((i) => `• ${i.title}${i.detail ? `: ${i.detail}` : ''}`);
  const quote = update.quote ? [`${update.quote.author}: “${update.quote.body}”`] : [];
  return [update.headline, ...update.paragraphs, ...items, ...quote].join('\n\n');
}
