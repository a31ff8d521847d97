import 'server-only';

/**
 * The events a customer's request page shows, with their wording there. An allow-list: an event
 * type written anywhere else (a PIN reveal, an internal note, an audit record) stays staff-only
 * until someone decides the customer should see it and adds it here.
 */
export const CUSTOMER_VISIBLE_EVENTS = {
  draft_created: 'Draft started',
  status_changed: 'Status changed',
  corrected: 'Details corrected',
  pin_replaced: 'New account PIN entered',
  loa_signed: 'Letter of Authorization signed',
  loa_voided: 'Signature voided',
  customer_note: 'Note added',
  team_note: 'Note added',
  recipient_added: 'Recipient added',
  recipient_removed: 'Recipient removed',
  numbers_rejected: 'Numbers cannot be ported',
  numbers_ported: 'Numbers ported',
  sms_activated: 'Text messaging turned on',
  sms_exception: 'Text messaging delayed',
} as const satisfies Record<string, string>;

export type CustomerVisibleEventType = keyof typeof CUSTOMER_VISIBLE_EVENTS;

export const CUSTOMER_VISIBLE_EVENT_TYPES = Object.keys(CUSTOMER_VISIBLE_EVENTS) as CustomerVisibleEventType[];

export function isCustomerVisibleEvent(type: string): type is CustomerVisibleEventType {
  return Object.hasOwn(CUSTOMER_VISIBLE_EVENTS, type);
}

// How a customer's timeline names anyone on our team: never by their own name.
export const PORTING_TEAM = 'the porting team';
