import 'server-only';
import type { Transaction } from '@/db/client';
import { portRequestNotes } from '@/db/schema';
import type { PortUpdate } from '@/emails/port-update';
import { getEnv } from '@/lib/config/env';
import { queueEmail } from '@/lib/mail/queue-email';
import { isCustomerVisible } from '@/lib/porting/events/port-request-event';
import type { RecordedEvent } from '@/lib/porting/events/record-event';
import { portUpdateFor } from './port-updates';
import { requestUpdateRecipients } from './recipients';
import { requestLabel } from './request-label';
import { queueSubmittedEmail } from './submitted-email';

/**
 * What an event means for the people following the request: the email it calls for, queued in the
 * event's transaction (template and props only: rendering waits for delivery), and the same words
 * in the notes. A team-only event never reaches here. A fixed number of queries, whatever the
 * number of recipients. Never includes the PIN: no event carries it.
 */
export async function notifyEvent(tx: Transaction, event: RecordedEvent): Promise<void> {
  if (!isCustomerVisible(event.type)) return;
  if (event.type === 'status_changed' && event.from === 'draft' && event.to === 'submitted') return queueSubmittedEmail(tx, event);
  const requestUrl = `${getEnv().appUrl}/numbers/port/${event.requestId}`;
  const notice = await portUpdateFor(tx, event, requestUrl);
  if (!notice) return;
  if (notice.inNotes) {
    await tx.insert(portRequestNotes).values({ portRequestId: event.requestId, authorUserId: null, fromTeam: true, visibility: 'public', body: updateAsText(notice.update) });
  }
  const to = [...(notice.to === 'followers' ? await requestUpdateRecipients(tx, event.requestId) : [notice.to.email]), ...(notice.alsoTo ?? [])];
  if (to.length === 0) return;
  const label = await requestLabel(tx, event.requestId);
  await queueEmail(tx, {
    to,
    subject: `${notice.subject} · ${label}`,
    template: notice.template,
    props: { update: notice.update, requestUrl, requestLabel: label },
    subjectRef: `port-request:${event.requestId}`,
    attachments: notice.attachments,
  });
}

/** The update as the notes thread shows it: plain text, the same words as the email. */
function updateAsText(update: PortUpdate): string {
  const items = (update.items ?? []).map((i) => `• ${i.title}${i.detail ? `: ${i.detail}` : ''}`);
  const quote = update.quote ? [`${update.quote.author}: “${update.quote.body}”`] : [];
  return [update.headline, ...update.paragraphs, ...items, ...quote].join('\n\n');
}
