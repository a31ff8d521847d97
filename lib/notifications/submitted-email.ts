import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequests } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { queueEmail } from '@/lib/mail/queue-email';
import { formatPhoneNumber } from '@/lib/phone/format';
import { estimatedCompletion, NUMBER_GROUP_LABELS } from '@/lib/porting/estimate';
import type { RecordedEvent } from '@/lib/porting/events/record-event';
import { numbersOfRequests } from './port-updates';

/**
 * "We received your port request", to the person who sent it: one email for the sibling requests of
 * one account that a draft split into (US local, Canadian, toll-free; several carriers), queued
 * with the first of them: a draft for several accounts gets one email per account, so that each
 * account's "Emails sent" shows only its own numbers.
 */
export async function queueSubmittedEmail(tx: Transaction, event: Extract<RecordedEvent, { type: 'status_changed' }>): Promise<void> {
  const parts = event.siblings?.length ? event.siblings : [event.requestId];
  if (parts[0] !== event.requestId || !event.actor) return;
  const rows = await tx.select({ id: portRequests.id, group: portRequests.numberGroup, customerName: portRequests.customerName }).from(portRequests).where(inArray(portRequests.id, parts));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const numbers = await numbersOfRequests(tx, parts);
  const appUrl = getEnv().appUrl;
  const requests = parts.map((id) => {
    const group = byId.get(id)?.group ?? 'us_local';
    const all = numbers.get(id) ?? [];
    return {
      url: `${appUrl}/numbers/port/${id}`,
      label: NUMBER_GROUP_LABELS[group],
      numbers: all.slice(0, 5).map(formatPhoneNumber),
      numberCount: all.length,
      window: estimatedCompletion(group, event.at).label,
    };
  });
  const customerName = byId.get(event.requestId)?.customerName ?? '';
  const shown = requests.flatMap((r) => r.numbers);
  const total = requests.reduce((sum, r) => sum + r.numberCount, 0);
  await queueEmail(tx, {
    to: [event.actor.email],
    subject: `Port request received for ${customerName}: ${total === 1 ? shown[0] : `${total} numbers (${shown.slice(0, 2).join(', ')}${total > 2 ? ', …' : ''})`}`,
    template: 'port-submitted',
    props: { customerName, requests, signInEmail: event.actor.email },
    subjectRef: `port-request:${parts[0]}`,
  });
}
