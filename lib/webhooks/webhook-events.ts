import { z } from 'zod';
import type { PortRequestEvent } from '@/lib/porting/events/port-request-event';
import { REQUEST_STATUSES, type PortRequestStatus } from '@/lib/porting/lifecycle/statuses';
import { CHANGE_REASONS, type ChangeReasonCode } from '@/lib/porting/review/change-reasons';

// The public, versioned catalogue of webhook events: what an endpoint may subscribe to, the shape
// of each message (zod, so the OpenAPI document's `webhooks` section is generated from the same
// schemas), and the one mapping from a recorded port request event to a webhook event. Only
// customer-visible events are published; nothing here reads the request row, so the PIN cannot
// reach a payload (no event carries it).

/** The version of every payload; a breaking change gets a new date, never an edit of this one. */
export const WEBHOOK_API_VERSION = '2026-12-01';

export const WEBHOOK_EVENT_TYPES = [
  'port_request.submitted',
  'port_request.review_started',
  'port_request.changes_needed',
  'port_request.numbers_rejected',
  'port_request.approved',
  'port_request.port_date_set',
  'port_request.port_date_changed',
  'port_request.numbers_ported',
  'port_request.sms_enabled',
  'port_request.sms_delayed',
  'port_request.note_added',
  'port_request.completed',
  'port_request.cancelled',
  'loa.signed',
  'loa.declined',
  'loa.voided',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Each type's one-line description: the endpoint form's checkboxes, the docs and the OpenAPI document. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'port_request.submitted': 'A port request was sent to the porting team (first submission, or resubmitted after changes).',
  'port_request.review_started': 'The porting team started reviewing the request.',
  'port_request.changes_needed': 'The porting team needs changes before the request can go on: coded reasons, the customer’s words, and a note.',
  'port_request.numbers_rejected': 'Some numbers of the request cannot be ported (the carrier refused them).',
  'port_request.approved': 'The request was approved and sent to the current carrier.',
  'port_request.port_date_set': 'The carrier confirmed a port date (FOC date).',
  'port_request.port_date_changed': 'The port date moved.',
  'port_request.numbers_ported': 'Numbers ported: calls now ring on the platform.',
  'port_request.sms_enabled': 'Text messaging was turned on for ported numbers.',
  'port_request.sms_delayed': 'Turning on text messaging needs more time for some ported numbers.',
  'port_request.note_added': 'The porting team wrote a note to the customer.',
  'port_request.completed': 'The request is complete: every number is ported or settled.',
  'port_request.cancelled': 'The request was cancelled.',
  'loa.signed': 'The Letter of Authorization was signed.',
  'loa.declined': 'The person asked to sign the Letter of Authorization declined.',
  'loa.voided': 'A signed Letter of Authorization was voided by a change to a signed field.',
};

const e164 = z.string().meta({ description: 'A phone number in E.164 form, e.g. +14105551234.' });
const numbers = z.array(e164);
const timestamp = z.iso.datetime({ offset: true });

const portRequestRef = z
  .object({
    id: z.uuid().meta({ description: 'The port request (GET /api/v1/port-requests/{id}).' }),
    status: z.enum(REQUEST_STATUSES as [PortRequestStatus, ...PortRequestStatus[]]).meta({ description: 'The request’s status when the event was recorded.' }),
    accountId: z.uuid().meta({ description: 'The account the request belongs to (a sub-account for an agency’s endpoint).' }),
  })
  .meta({ id: 'WebhookPortRequest' });

const changeReason = z.object({
  code: z.string().meta({ description: 'A stable reason code, e.g. name_mismatch, pin_mismatch, proof_unreadable.' }),
  label: z.string().meta({ description: 'What is wrong, in the customer’s words.' }),
  action: z.string().nullable().meta({ description: 'What the customer should do.' }),
  numbers: numbers.meta({ description: 'The numbers the reason is about; empty when it is about the whole request.' }),
});

/** The data of each type, besides `portRequest` (every message has it). */
const WEBHOOK_DATA = {
  'port_request.submitted': z.object({
    resubmitted: z.boolean().meta({ description: 'true when the customer sent the request again after changes were asked for.' }),
    numberGroup: z.enum(['us_local', 'ca_local', 'toll_free']).nullable().meta({ description: 'The numbers’ group; a draft mixing groups becomes one request per group.' }),
    siblingRequestIds: z.array(z.uuid()).meta({ description: 'The requests of the same account that the same draft became at submission, this one among them (empty when it did not split).' }),
  }),
  'port_request.review_started': z.object({}),
  'port_request.changes_needed': z.object({
    reasons: z.array(changeReason),
    note: z.string().nullable().meta({ description: 'The porting team’s note to the customer, if any.' }),
  }),
  'port_request.numbers_rejected': z.object({
    numbers,
    reason: z.string(),
    requestClosed: z.boolean().meta({ description: 'true when no number of the request is left to port (the request is cancelled).' }),
  }),
  'port_request.approved': z.object({}),
  'port_request.port_date_set': z.object({ portDate: timestamp.meta({ description: 'The port date and time (UTC).' }) }),
  'port_request.port_date_changed': z.object({
    portDate: timestamp.meta({ description: 'The new port date and time (UTC).' }),
    previousPortDate: timestamp.nullable(),
  }),
  'port_request.numbers_ported': z.object({
    numbers,
    smsExpectedAt: timestamp.meta({ description: 'When text messaging is expected to be turned on.' }),
  }),
  'port_request.sms_enabled': z.object({ numbers }),
  'port_request.sms_delayed': z.object({ numbers, reason: z.string() }),
  'port_request.note_added': z.object({
    note: z.object({ id: z.uuid(), body: z.string(), author: z.literal('porting_team') }),
  }),
  'port_request.completed': z.object({}),
  'port_request.cancelled': z.object({
    reason: z.string().nullable(),
    cancelledBy: z.enum(['customer', 'porting_team', 'platform']),
    allNumbersRejected: z.boolean().meta({ description: 'true when the request closed because the carrier rejected every number.' }),
  }),
  'loa.signed': z.object({
    signerName: z.string(),
    method: z.enum(['drawn', 'typed']),
    letterSha256: z.string().meta({ description: 'SHA-256 of the letter as signed.' }),
  }),
  'loa.declined': z.object({ signerName: z.string(), reason: z.string() }),
  'loa.voided': z.object({ reason: z.string() }),
} as const satisfies Record<WebhookEventType, z.ZodObject>;

export type WebhookData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_DATA)[T]>;

function envelopeSchema<T extends WebhookEventType>(type: T) {
  return z
    .object({
      id: z.uuid().meta({ description: 'The event’s id: the same for every endpoint that receives it. The `webhook-id` header identifies the message (one per event per endpoint, the same on every retry).' }),
      type: z.literal(type),
      apiVersion: z.literal(WEBHOOK_API_VERSION),
      createdAt: timestamp.meta({ description: 'When the event happened.' }),
      data: WEBHOOK_DATA[type].extend({ portRequest: portRequestRef }),
    })
    .meta({ id: `Webhook_${type.replace('.', '_')}`, title: type, description: WEBHOOK_EVENT_DESCRIPTIONS[type] });
}

type EnvelopeSchemas = { [T in WebhookEventType]: ReturnType<typeof envelopeSchema<T>> };

/**
 * One zod schema per webhook type: the whole message body (envelope and data), with `.meta`
 * (id, title, description). For the OpenAPI document's `webhooks` section, keyed by type.
 */
export const WEBHOOK_EVENT_SCHEMAS = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [type, envelopeSchema(type)])) as EnvelopeSchemas;

export type WebhookMessage<T extends WebhookEventType = WebhookEventType> = z.infer<EnvelopeSchemas[T]>;

/** A webhook event before its envelope: its type and data. */
export type MappedWebhookEvent = { [T in WebhookEventType]: { type: T; data: WebhookData<T> } }[WebhookEventType];

/** What the mapping needs of an event: what recordEvent returns (payload, id, actor, time). */
export type EventForWebhook = PortRequestEvent & { actor: { isStaff: boolean } | null };

/** What the mapping needs beyond the event: a team note's text (read only when someone listens). */
export type WebhookEventExtras = { noteBody?: string };

/**
 * The webhook type an event becomes, or null when it is not published (team-only events, the
 * customer's own edits). Cheap and pure: queueWebhooks asks it before any query.
 */
export function webhookTypeOf(event: PortRequestEvent): WebhookEventType | null {
  switch (event.type) {
    case 'status_changed':
      switch (event.to) {
        case 'submitted':
          return 'port_request.submitted';
        case 'in_review':
          return 'port_request.review_started';
        case 'changes_needed':
          return 'port_request.changes_needed';
        case 'approved':
          return 'port_request.approved';
        case 'scheduled':
          if (!event.focDate) return null;
          return event.from === 'scheduled' ? 'port_request.port_date_changed' : 'port_request.port_date_set';
        case 'completed':
          return 'port_request.completed';
        case 'cancelled':
          return 'port_request.cancelled';
        default:
          return null;
      }
    case 'numbers_rejected':
      return 'port_request.numbers_rejected';
    case 'numbers_ported':
      return 'port_request.numbers_ported';
    case 'sms_activated':
      return 'port_request.sms_enabled';
    case 'sms_exception':
      return event.numbers.length ? 'port_request.sms_delayed' : null;
    case 'team_note':
      return event.noteId ? 'port_request.note_added' : null;
    case 'loa_signed':
      return 'loa.signed';
    case 'loa_voided':
      return 'loa.voided';
    case 'loa_signature_declined':
      return 'loa.declined';
    default:
      return null;
  }
}

/**
 * The webhook event a recorded event becomes (type and data without `portRequest`, which the
 * envelope adds), or null. Pure: everything it needs is the event and `extras`.
 */
export function webhookEventFor(event: EventForWebhook, extras: WebhookEventExtras = {}): MappedWebhookEvent | null {
  const type = webhookTypeOf(event);
  if (!type) return null;
  switch (event.type) {
    case 'status_changed':
      return statusEvent(type, event);
    case 'numbers_rejected':
      return { type: 'port_request.numbers_rejected', data: { numbers: event.numbers, reason: event.reason, requestClosed: event.requestClosed ?? false } };
    case 'numbers_ported':
      return { type: 'port_request.numbers_ported', data: { numbers: event.numbers, smsExpectedAt: event.smsActivationAt } };
    case 'sms_activated':
      return { type: 'port_request.sms_enabled', data: { numbers: event.numbers } };
    case 'sms_exception':
      return { type: 'port_request.sms_delayed', data: { numbers: event.numbers, reason: event.reason } };
    case 'team_note':
      return { type: 'port_request.note_added', data: { note: { id: event.noteId!, body: extras.noteBody ?? '', author: 'porting_team' } } };
    case 'loa_signed':
      return { type: 'loa.signed', data: { signerName: event.signerName, method: event.kind, letterSha256: event.contentSha256 } };
    case 'loa_voided':
      return { type: 'loa.voided', data: { reason: event.reason } };
    case 'loa_signature_declined':
      return { type: 'loa.declined', data: { signerName: event.signerName, reason: event.reason } };
    default:
      return null;
  }
}

function statusEvent(type: WebhookEventType, event: Extract<EventForWebhook, { type: 'status_changed' }>): MappedWebhookEvent | null {
  switch (type) {
    case 'port_request.submitted':
      return {
        type,
        data: { resubmitted: event.from !== 'draft', numberGroup: event.group ?? null, siblingRequestIds: event.siblings ?? [] },
      };
    case 'port_request.review_started':
    case 'port_request.approved':
    case 'port_request.completed':
      return { type, data: {} };
    case 'port_request.changes_needed':
      return {
        type,
        data: {
          reasons: (event.reasons ?? []).map((r) => {
            const known = CHANGE_REASONS[r.code as ChangeReasonCode];
            return { code: r.code, label: known?.label ?? r.code, action: known?.action ?? null, numbers: r.numbers ?? [] };
          }),
          note: event.note ?? null,
        },
      };
    case 'port_request.port_date_set':
      return { type, data: { portDate: event.focDate! } };
    case 'port_request.port_date_changed':
      return { type, data: { portDate: event.focDate!, previousPortDate: event.previous ?? null } };
    case 'port_request.cancelled':
      return {
        type,
        data: {
          reason: event.reason ?? null,
          cancelledBy: !event.actor ? 'platform' : event.actor.isStaff ? 'porting_team' : 'customer',
          allNumbersRejected: event.settled ?? false,
        },
      };
    default:
      return null;
  }
}

/** The body posted to an endpoint: the envelope around a mapped event. */
export function webhookMessage(
  event: { id: string; at: Date },
  request: { id: string; status: PortRequestStatus; accountId: string },
  mapped: MappedWebhookEvent,
): WebhookMessage {
  return {
    id: event.id,
    type: mapped.type,
    apiVersion: WEBHOOK_API_VERSION,
    createdAt: event.at.toISOString(),
    data: { ...mapped.data, portRequest: { id: request.id, status: request.status, accountId: request.accountId } },
  } as WebhookMessage;
}
