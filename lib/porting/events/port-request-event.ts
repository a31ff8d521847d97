import { z } from 'zod';
import { REQUEST_STATUSES, type PortRequestStatus } from '../lifecycle/statuses';

// Every event of a port request: its payload (checked before it is stored), who may see it, and
// how the customer's timeline names it. recordEvent is the only writer of port_request_events;
// the timelines, the emails (lib/notifications) and webhooks read events through this module.

const requestStatus = z.enum(REQUEST_STATUSES as [PortRequestStatus, ...PortRequestStatus[]]);
const numbers = z.array(z.string());
const none = z.object({});
/** Set on what the upstream carrier caused (a webhook, the reconciliation job): timelines name "the carrier". */
const via = z.literal('carrier').optional();
const carrierException = z.object({ code: z.string(), description: z.string().optional() });

export const EVENT_PAYLOADS = {
  draft_created: none,
  /** Nobody changed the draft for 23 days: it is removed on removeOn unless changed (ISO times). */
  draft_expiry_warned: z.object({ untouchedSince: z.string(), removeOn: z.string() }),
  /** The draft was removed after 30 days without a change (an account event: it outlives the draft). */
  draft_removed: z.object({ untouchedSince: z.string(), numbers: z.number().int() }),
  status_changed: z.object({
    from: requestStatus,
    to: requestStatus,
    reason: z.string().optional(),
    /** To changes_needed: what the team asked for. */
    reasons: z.array(z.object({ code: z.string(), numbers: numbers.optional() })).optional(),
    note: z.string().optional(),
    /** To scheduled: the port date (ISO), and the one it replaced. */
    focDate: z.string().optional(),
    previous: z.string().optional(),
    /** Draft to submitted: the number group, and the sibling requests of the same account a mixed draft split into (this one included). */
    group: z.enum(['us_local', 'ca_local', 'toll_free']).optional(),
    siblings: z.array(z.string()).optional(),
    /** Draft to submitted, when the request went to the account its numbers live in: the account names then. */
    account: z.object({ from: z.string(), to: z.string() }).optional(),
    /** Changes needed to submitted: the change request answered, and whether new proof came with it. */
    changeRequestId: z.string().optional(),
    newProof: z.boolean().optional(),
    /** To completed or cancelled because no number was still moving (not a decision of its own). */
    settled: z.boolean().optional(),
    via,
  }),
  corrected: z.object({ step: z.string() }),
  pin_replaced: none,
  loa_signed: z.object({
    signerName: z.string(),
    kind: z.enum(['drawn', 'typed']),
    contentSha256: z.string(),
    /** Signed through the link emailed to the account holder (sendLoaForSignature), not by a user of the platform. */
    viaLink: z.boolean().optional(),
    signerEmail: z.string().optional(),
  }),
  /** The LOA emailed to the authorized person at the business for signature (again, when resent). */
  loa_signature_requested: z.object({ signerName: z.string(), signerEmail: z.string(), resent: z.boolean().optional() }),
  /** The person asked to sign declined, with their reason (in the reason column). */
  loa_signature_declined: z.object({ signerName: z.string(), reason: z.string() }),
  /** The sender cancelled the link before it was used. */
  loa_signature_revoked: z.object({ signerName: z.string(), signerEmail: z.string() }),
  loa_voided: z.object({ reason: z.string() }),
  customer_note: z.object({ noteId: z.string().optional() }),
  team_note: z.object({ noteId: z.string().optional() }),
  internal_note: z.object({ noteId: z.string().optional(), via, /** A comment copied from the carrier's order: copied once. */ carrierCommentId: z.string().optional() }),
  recipient_added: z.object({ email: z.string() }),
  recipient_removed: z.object({ email: z.string().optional() }),
  numbers_rejected: z.object({ numbers, reason: z.string(), requestClosed: z.boolean().optional() }),
  numbers_ported: z.object({ numbers, reroutedTrackingNumbers: z.number().int(), smsActivationAt: z.string(), via }),
  sms_activated: z.object({ numbers, via }),
  sms_exception: z.object({ numbers, reason: z.string() }),
  pin_revealed: none,
  portability_checked: z.object({ lines: z.number().int() }),
  /** "Submit to carrier": an order queued for placing with the upstream carrier. */
  carrier_order_queued: z.object({ carrier: z.string(), numbers }),
  /** The carrier took the order(s): its ids (a split gives several). */
  carrier_order_placed: z.object({ via, orders: z.array(z.object({ externalId: z.string(), supportKey: z.string().optional(), numbers })) }),
  /** The carrier refused to take the order; the team may retry. */
  carrier_order_failed: z.object({ error: z.string() }),
  /** The carrier raised exceptions; forCustomer are our change reasons, teamOnly the codes only the team can act on. */
  carrier_exception: z.object({ via, externalId: z.string(), exceptions: z.array(carrierException), forCustomer: z.array(z.string()), teamOnly: z.array(z.string()) }),
  /** The customer's corrections sent to the carrier's order. */
  carrier_order_updated: z.object({ externalId: z.string(), fields: z.array(z.string()), newLoa: z.boolean() }),
  carrier_order_cancelled: z.object({ via, externalId: z.string() }),
  carrier_foc_change_requested: z.object({ externalId: z.string(), focAt: z.string(), bestEffort: z.boolean() }),
  carrier_activation_requested: z.object({ externalId: z.string() }),
  /** The desk: who on the team holds the request now (no assignee: put back in the pool), and who held it. Names as they were then. */
  assignment_changed: z.object({ assigneeUserId: z.string().optional(), assigneeName: z.string().optional(), previousUserId: z.string().optional(), previousName: z.string().optional() }),
} as const;

export type PortRequestEventType = keyof typeof EVENT_PAYLOADS;
type Inferred<T extends PortRequestEventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
export type EventPayload<T extends PortRequestEventType> = Inferred<T> extends Record<string, never> ? object : Inferred<T>;

/** An event as services emit it: its type and payload, side by side. */
export type PortRequestEvent = { [T in PortRequestEventType]: { type: T } & EventPayload<T> }[PortRequestEventType];

/** Who may see an event: the customer (and so their emails and webhooks), or only our team. */
export type EventVisibility = 'customer' | 'team';

export const EVENT_TYPES: Record<PortRequestEventType, { visibility: EventVisibility; label: string }> = {
  draft_created: { visibility: 'customer', label: 'Draft started' },
  draft_expiry_warned: { visibility: 'customer', label: 'Removal of the unchanged draft announced' },
  draft_removed: { visibility: 'team', label: 'Unchanged draft removed' },
  status_changed: { visibility: 'customer', label: 'Status changed' },
  corrected: { visibility: 'customer', label: 'Details corrected' },
  pin_replaced: { visibility: 'customer', label: 'New account PIN entered' },
  loa_signed: { visibility: 'customer', label: 'Letter of Authorization signed' },
  loa_voided: { visibility: 'customer', label: 'Signature voided' },
  loa_signature_requested: { visibility: 'customer', label: 'Letter of Authorization sent for signature' },
  loa_signature_declined: { visibility: 'customer', label: 'Signature declined' },
  loa_signature_revoked: { visibility: 'customer', label: 'Signature request cancelled' },
  customer_note: { visibility: 'customer', label: 'Note added' },
  team_note: { visibility: 'customer', label: 'Note added' },
  internal_note: { visibility: 'team', label: 'Internal note added' },
  recipient_added: { visibility: 'customer', label: 'Recipient added' },
  recipient_removed: { visibility: 'customer', label: 'Recipient removed' },
  numbers_rejected: { visibility: 'customer', label: 'Numbers cannot be ported' },
  numbers_ported: { visibility: 'customer', label: 'Numbers ported' },
  sms_activated: { visibility: 'customer', label: 'Text messaging turned on' },
  sms_exception: { visibility: 'customer', label: 'Text messaging delayed' },
  pin_revealed: { visibility: 'team', label: 'Account PIN revealed' },
  portability_checked: { visibility: 'team', label: 'Portability checked' },
  carrier_order_queued: { visibility: 'team', label: 'Submitted to the carrier' },
  carrier_order_placed: { visibility: 'team', label: 'Carrier order placed' },
  carrier_order_failed: { visibility: 'team', label: 'Carrier refused the order' },
  carrier_exception: { visibility: 'team', label: 'Carrier exception' },
  carrier_order_updated: { visibility: 'team', label: 'Corrections sent to the carrier' },
  carrier_order_cancelled: { visibility: 'team', label: 'Carrier order cancelled' },
  carrier_foc_change_requested: { visibility: 'team', label: 'New port date asked of the carrier' },
  carrier_activation_requested: { visibility: 'team', label: 'Activation asked of the carrier' },
  assignment_changed: { visibility: 'team', label: 'Assignment changed' },
};

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as PortRequestEventType[];
export const CUSTOMER_EVENT_TYPES = EVENT_TYPE_NAMES.filter((t) => EVENT_TYPES[t].visibility === 'customer');

export function isEventType(type: string): type is PortRequestEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

export function isCustomerVisible(type: string): boolean {
  return isEventType(type) && EVENT_TYPES[type].visibility === 'customer';
}

// How a customer's timeline and emails name anyone on our team: never by their own name.
export const PORTING_TEAM = 'the porting team';

// How both timelines name the upstream carrier, for events whose data says `via: 'carrier'`.
export const THE_CARRIER = 'the carrier';
