import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { loaSignatureRequests, portRequestNotes, portRequestNumbers, portRequests } from '@/db/schema';
import { canUseAccount, loadActor } from '@/lib/auth/actor';
import type { PortUpdate } from '@/emails/port-update';
import type { EmailTemplateName } from '@/emails/templates';
import type { OutboxAttachment } from '@/db/schema';
import { longDate } from '@/lib/format/long-date';
import { formatPhoneNumber } from '@/lib/phone/format';
import { PORTING_TEAM } from '@/lib/porting/events/port-request-event';
import type { RecordedEvent } from '@/lib/porting/events/record-event';
import { DRAFT_KEPT_DAYS } from '@/lib/porting/drafts/draft-expiry';
import { SMS_DELAY } from '@/lib/porting/promises';
import { CHANGE_REASONS, type ChangeReasonCode } from '@/lib/porting/review/change-reasons';
import { portDateIcs } from '@/lib/porting/review/port-date-ics';
import { getEnv } from '@/lib/config/env';
import { regionTimeZone } from '@/lib/format/region-time-zone';
import { formatZonedDateTime, formatZonedDay, zoneName } from '@/lib/format/zoned-time';

// Every update a customer gets about a request, worded once: the email and the same words in the
// request's notes (the bubble). Services record events; this decides which of them are news.

export type PortUpdateNotice = {
  template: Extract<EmailTemplateName, PortUpdateTemplate>;
  subject: string;
  update: PortUpdate;
  /** Who gets it: everyone following the request, or only the person an event names. */
  to: 'followers' | { email: string };
  /** Also kept in the request's notes thread (the team note itself already is). */
  inNotes: boolean;
  /** Also to these addresses, beside the followers (the person who sent the LOA for signature). */
  alsoTo?: string[];
  attachments?: OutboxAttachment[];
};

type PortUpdateTemplate =
  | 'recipient-added' | 'request-approved' | 'changes-needed' | 'request-resubmitted' | 'request-cancelled' | 'port-date-scheduled'
  | 'port-date-changed' | 'numbers-rejected' | 'numbers-ported' | 'sms-enabled' | 'sms-exception' | 'team-note'
  | 'loa-signed-by-link' | 'loa-signature-declined' | 'draft-expiring';

/** How a customer's email names who did something: our team as a team, an account user by name. */
function byName(actor: RecordedEvent['actor']): string {
  if (!actor || actor.isStaff) return PORTING_TEAM;
  return actor.name ?? actor.email;
}
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const listed = (numbers: string[]) => numbers.map((n) => ({ title: formatPhoneNumber(n) }));
const followers = (notice: Omit<PortUpdateNotice, 'to' | 'inNotes'>): PortUpdateNotice => ({ ...notice, to: 'followers', inNotes: true });

/** The update an event calls for, or null when it is not news to the customer. */
export async function portUpdateFor(tx: Transaction, event: RecordedEvent, requestUrl: string): Promise<PortUpdateNotice | null> {
  switch (event.type) {
    case 'status_changed':
      return statusUpdate(tx, event, requestUrl);
    case 'numbers_rejected': {
      const n = event.numbers.length;
      return followers({
        template: 'numbers-rejected',
        subject: n === 1 ? 'A number cannot be ported' : `${n} numbers cannot be ported`,
        update: {
          headline: n === 1 ? 'One number cannot be ported' : `${n} numbers cannot be ported`,
          paragraphs: [
            `Reason: ${event.reason}`,
            event.requestClosed
              ? 'No number of this request can be ported, so the request is closed. The numbers stay with your current carrier.'
              : 'The other numbers of the request go on as planned.',
          ],
          items: listed(event.numbers),
        },
      });
    }
    case 'numbers_ported': {
      const n = event.numbers.length;
      return followers({
        template: 'numbers-ported',
        subject: n === 1 ? 'Your number has ported' : `${n} numbers have ported`,
        update: {
          headline: n === 1 ? 'Your number is on the platform' : 'Your numbers are on the platform',
          paragraphs: [
            'Calls to these numbers now ring on the platform and are tracked with the source you chose.',
            `Texting follows in ${SMS_DELAY}, once all carriers have updated their routing records (we expect ${event.smsActivationAt.slice(0, 10)}). Until then your numbers panel says "SMS is not supported"; that is expected.`,
            ...(event.reroutedTrackingNumbers ? [`${event.reroutedTrackingNumbers} tracking number(s) that rang a ported number now forward to the alternate number you chose.`] : []),
            'You can now close the account with your previous carrier for these numbers.',
          ],
          items: listed(event.numbers),
        },
      });
    }
    case 'sms_activated':
      return followers({
        template: 'sms-enabled',
        subject: 'Text messaging is on',
        update: {
          headline: 'Your ported numbers can now send and receive texts',
          paragraphs: ['Carriers have updated their routing records, and SMS is active on these numbers. Your numbers panel no longer says "SMS is not supported".'],
          items: listed(event.numbers),
        },
      });
    case 'sms_exception':
      if (event.numbers.length === 0) return null;
      return followers({
        template: 'sms-exception',
        subject: 'Texting needs more time',
        update: {
          headline: 'Text messaging is delayed on some ported numbers',
          paragraphs: [`Calls work as usual. Turning on SMS needs more work with the carriers: ${event.reason}. Our team follows it up and writes to you in the notes.`],
          items: listed(event.numbers),
        },
      });
    case 'team_note': {
      if (!event.noteId) return null;
      const [note] = await tx.select({ body: portRequestNotes.body }).from(portRequestNotes).where(eq(portRequestNotes.id, event.noteId));
      return {
        template: 'team-note',
        subject: 'New note from our porting team',
        to: 'followers',
        inNotes: false,
        update: {
          headline: 'Our porting team added a note',
          paragraphs: ['Reply from the notes on the request page; replies to this email are not read.'],
          quote: { author: 'Porting team', body: note?.body ?? '' },
        },
      };
    }
    case 'loa_signed':
      // Signed on the LOA step by the user themselves: nothing to tell them.
      if (!event.viaLink) return null;
      return {
        ...followers({
          template: 'loa-signed-by-link',
          subject: 'Letter of Authorization signed',
          update: {
            headline: `${event.signerName} signed the Letter of Authorization`,
            paragraphs: [
              `${event.signerName}${event.signerEmail ? ` (${event.signerEmail})` : ''} signed the letter through the link you sent.`,
              'The signed letter is on the request. Continue with the Proof of Ownership step to send the request to our team.',
            ],
          },
        }),
        alsoTo: await signatureRequestSender(tx, event.requestId),
      };
    case 'loa_signature_declined':
      return {
        ...followers({
          template: 'loa-signature-declined',
          subject: 'Letter of Authorization declined',
          update: {
            headline: `${event.signerName} declined to sign the Letter of Authorization`,
            paragraphs: [
              `Reason: ${event.reason}`,
              'Correct the letter if something in it is wrong, then send it for signature again, to them or to someone else, from the Letter of Authorization step.',
            ],
          },
        }),
        alsoTo: await signatureRequestSender(tx, event.requestId),
      };
    case 'draft_expiry_warned': {
      const removeOn = longDate(new Date(event.removeOn));
      return {
        template: 'draft-expiring',
        subject: `Your draft will be removed on ${removeOn}`,
        to: 'followers',
        // A draft has no notes thread yet; the draft's own page says it too.
        inNotes: false,
        update: {
          headline: 'Your draft port request will be removed',
          paragraphs: [
            `Nobody has changed this draft since ${longDate(new Date(event.untouchedSince))}. Drafts hold your account PIN, your billing address and any signed letter, so we remove them after ${DRAFT_KEPT_DAYS} days without a change.`,
            `It will be removed, with its numbers and any files uploaded to it, on ${removeOn}. To keep it, open it and save a step or choose "Keep this draft"; to let it go, do nothing.`,
          ],
        },
      };
    }
    case 'recipient_added':
      return {
        template: 'recipient-added',
        subject: 'You will receive updates',
        to: { email: event.email },
        inNotes: false,
        update: {
          headline: 'You were added to a port request',
          paragraphs: [`${capitalized(byName(event.actor))} added you as a recipient. From now on you receive every update about this request by email: approvals, changes we need, the port date and completion.`],
        },
      };
    default:
      return null;
  }
}

/**
 * Who sent the request's latest LOA signature link, while they may still see the request's account
 * (the same rule as the recipients: someone removed from the account hears no more of it).
 */
async function signatureRequestSender(tx: Transaction, requestId: string): Promise<string[]> {
  const [sender] = await tx
    .select({ userId: loaSignatureRequests.sentByUserId, accountId: portRequests.accountId })
    .from(loaSignatureRequests)
    .innerJoin(portRequests, eq(portRequests.id, loaSignatureRequests.portRequestId))
    .where(eq(loaSignatureRequests.portRequestId, requestId))
    .orderBy(desc(loaSignatureRequests.createdAt))
    .limit(1);
  if (!sender) return [];
  const actor = await loadActor(tx, sender.userId);
  return actor && !actor.isStaff && canUseAccount(actor, sender.accountId) ? [actor.email] : [];
}

async function statusUpdate(tx: Transaction, event: Extract<RecordedEvent, { type: 'status_changed' }>, requestUrl: string): Promise<PortUpdateNotice | null> {
  switch (event.to) {
    case 'approved':
      if (event.from === 'changes_needed') {
        // The customer answered the carrier's exception: the corrections go straight back to it.
        return followers({
          template: 'request-approved',
          subject: 'Corrections sent to your carrier',
          update: {
            headline: 'Your corrections are on their way to your current carrier',
            paragraphs: [
              'Thank you for the changes. We sent them to your current carrier, which checks the request again.',
              'Next, the carrier confirms a port date (the FOC date). We will email you as soon as it is set.',
            ],
          },
        });
      }
      return followers({
        template: 'request-approved',
        subject: 'Approved and sent to your carrier',
        update: {
          headline: 'Your port request is approved',
          paragraphs: [
            'We reviewed your proof of ownership and Letter of Authorization, and sent the request to your current carrier.',
            'Next, the carrier confirms a port date (the FOC date). We will email you as soon as it is set. Keep your service with them active until the numbers have moved.',
          ],
        },
      });
    case 'changes_needed': {
      const reasons = event.reasons ?? [];
      return followers({
        template: 'changes-needed',
        subject: 'Changes needed',
        update: {
          headline: 'Your port request needs changes',
          paragraphs: [
            event.via === 'carrier'
              ? 'Your current carrier could not accept the port as it stands: a few details must be corrected. Open the request, fix what is listed and resubmit it; the corrections go straight back to the carrier.'
              : 'Before we can send the request on, a few details must be corrected. Open the request, fix what is listed and resubmit it.',
            ...(event.note ? [`Note from our team: ${event.note}`] : []),
          ],
          items: reasons.map((r) => {
            const reason = CHANGE_REASONS[r.code as ChangeReasonCode];
            return {
              title: (reason?.label ?? r.code) + (r.numbers?.length ? ` (${r.numbers.map(formatPhoneNumber).join(', ')})` : ''),
              detail: reason?.action,
            };
          }),
        },
      });
    }
    case 'submitted':
      return event.from === 'changes_needed'
        ? followers({
            template: 'request-resubmitted',
            subject: 'Resubmitted',
            update: {
              headline: 'Your corrected request is back with our team',
              paragraphs: ['Thank you for the changes. Our team reviews the request again and writes to you with the next step.'],
            },
          })
        : null; // a first submission has its own email (lib/notifications/submitted-email)
    case 'scheduled': {
      if (!event.focDate) return null;
      const focDate = new Date(event.focDate);
      const changed = event.from === 'scheduled';
      const [{ version, billingAddress }] = await tx
        .select({ version: portRequests.version, billingAddress: portRequests.billingAddress })
        .from(portRequests)
        .where(eq(portRequests.id, event.requestId));
      // In the customer's zone, named (from the billing address), in the subject, the text and the invitation.
      const zone = regionTimeZone(billingAddress);
      const day = formatZonedDay(focDate, zone);
      const when = formatZonedDateTime(focDate, zone);
      const zoneSentence = `The time is ${zoneName(zone)}, from the billing address on the request.`;
      return followers({
        template: changed ? 'port-date-changed' : 'port-date-scheduled',
        subject: changed ? `Port date changed to ${day}` : `Port date set for ${day}`,
        update: {
          headline: changed ? `Your port date moved to ${when}` : `Your numbers port on ${when}`,
          paragraphs: [
            `Your current carrier confirmed this date. On the day, calls start ringing on the platform as soon as the carrier releases the numbers. ${zoneSentence}`,
            'Keep your service with the current carrier active until the port is complete. The calendar invitation attached marks the date.',
          ],
        },
        attachments: [
          {
            filename: 'port-date.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            contentBase64: Buffer.from(
              portDateIcs({ requestId: event.requestId, focDate, summary: 'Phone numbers port to the platform', description: `Port time: ${when}, ${zoneName(zone)}. Port request: ${requestUrl}`, url: requestUrl, sequence: version, organizer: getEnv().mail.from }),
            ).toString('base64'),
          },
        ],
      });
    }
    case 'cancelled':
      if (event.settled) return null; // the rejection that closed it says so
      return followers({
        template: 'request-cancelled',
        subject: 'Port request cancelled',
        update: {
          headline: 'The port request was cancelled',
          paragraphs: [
            !event.actor || event.actor.isStaff ? 'Our porting team cancelled this request.' : `${byName(event.actor)} cancelled this request.`,
            ...(event.reason ? [`Reason: ${event.reason}`] : []),
            'The numbers stay with your current carrier. You can start a new request from Numbers > Port Numbers at any time.',
          ],
        },
      });
    default:
      return null;
  }
}

/** The numbers of each request, in order, for emails that list them (one query for all). */
export async function numbersOfRequests(tx: Transaction, requestIds: string[]): Promise<Map<string, string[]>> {
  const rows = await tx
    .select({ requestId: portRequestNumbers.portRequestId, number: portRequestNumbers.number })
    .from(portRequestNumbers)
    .where(inArray(portRequestNumbers.portRequestId, requestIds))
    .orderBy(asc(portRequestNumbers.position));
  const byRequest = new Map<string, string[]>(requestIds.map((id) => [id, []]));
  for (const r of rows) byRequest.get(r.requestId)?.push(r.number);
  return byRequest;
}
