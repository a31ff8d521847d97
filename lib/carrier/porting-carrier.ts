// The upstream carrier as the porting domain sees it. One implementation (telnyx-carrier.ts) over
// the official `telnyx` SDK; in local mode and tests the SDK talks to the in-process carrier
// sandbox (lib/carrier/sandbox) through its base URL, so every mode runs the same code. Nothing here
// names the sandbox, and nothing outside lib/carrier imports the SDK.

/** One number as the carrier's portability check (and number lookup) sees it. */
export type CarrierPortability = {
  /** E.164. */
  number: string;
  portable: boolean;
  /** Why not, in the carrier's words, when not portable. */
  notPortableReason?: string;
  /** The carrier that serves the number today (the losing carrier), when the carrier knows. */
  currentCarrier?: string;
  /** Eligible for on-demand activation ("FastPort"). */
  fastPortable: boolean;
  /** Whether text messaging can be ported with the number; undefined when the carrier cannot tell yet. */
  messagingCapable?: boolean;
};

export type CarrierAddress = {
  street: string;
  unit?: string;
  city: string;
  /** State or province, two letters. */
  region: string;
  postalCode: string;
  country: 'US' | 'CA';
};

export type CarrierDocument = { filename: string; contentType: string; bytes: Buffer };

/** What an order carries: the request as the carrier needs it (from the wizard's steps). */
export type CarrierOrderInput = {
  /** Our reference for the order (the carrier_orders row id): placing twice with it finds the first. */
  reference: string;
  /** Our port request id, for the carrier's support staff. */
  portRequestId: string;
  numbers: string[];
  /** The name on the account with the losing carrier (entity name). */
  accountHolder: string;
  accountNumber: string;
  /** In clear: only the carrier adapter sees it, and only to send it. */
  pin?: string;
  billingTelephoneNumber?: string;
  /** Full port, or partial with the numbers staying behind on the account. */
  portType: 'full' | 'partial';
  /** Where the lines are installed (the service address; the billing address when the same). */
  serviceAddress: CarrierAddress;
  authorizedPerson: { name: string; title?: string };
  /** The FOC the customer asked for (ISO date-time), if any; the carrier confirms its own. */
  requestedFocAt?: string;
  /** The signed LOA PDF and the bill (proof of ownership). */
  loa: CarrierDocument;
  invoice: CarrierDocument;
  /** Port text messaging with the numbers when the carrier can. */
  enableMessaging: boolean;
};

/** The carrier's words for an order's status (Telnyx's porting order statuses). */
export type CarrierOrderStatus = 'draft' | 'in-process' | 'submitted' | 'exception' | 'foc-date-confirmed' | 'ported' | 'cancelled' | 'cancel-pending';

export type CarrierMessagingStatus = 'not_applicable' | 'pending' | 'activating' | 'exception' | 'canceled' | 'partial_port_complete' | 'ported';

/** An order as the carrier has it now: what every change of ours is compared with. */
export type CarrierOrder = {
  /** The carrier's order id. */
  id: string;
  /** Our reference, as sent in CarrierOrderInput.reference. */
  reference?: string;
  supportKey?: string;
  status: CarrierOrderStatus;
  /** Present when status is 'exception': the carrier's codes (e.g. PASSCODE_PIN_INVALID) and words. */
  exceptions: { code: string; description?: string }[];
  numbers: string[];
  focRequestedAt?: string;
  focConfirmedAt?: string;
  fastPortEligible: boolean;
  /** The carrier's activation status (e.g. 'Activate RDY': a fast-port order may be activated now). */
  activationStatus?: string;
  messagingStatus?: CarrierMessagingStatus;
  updatedAt?: string;
};

export type FocWindow = { startsAt: string; endsAt: string };

export type CarrierComment = { id: string; body: string; author: 'carrier' | 'us'; createdAt: string };

/** A webhook from the carrier, verified. The order's state is read again before acting on it. */
export type CarrierEvent = {
  /** The carrier's event id: a replay carries the same one. */
  id: string;
  type: 'order_status_changed' | 'order_comment' | 'order_messaging_changed' | 'order_split' | 'order_other';
  /** The carrier's own event name (e.g. porting_order.status_changed). */
  carrierType: string;
  orderId?: string;
  occurredAt: string;
  /** The body as received, for the record. */
  raw: Record<string, unknown>;
};

/** What the request's fields may change on an order already placed (after an exception is fixed). */
export type CarrierOrderUpdate = Partial<Pick<CarrierOrderInput, 'accountHolder' | 'accountNumber' | 'pin' | 'billingTelephoneNumber' | 'portType' | 'serviceAddress' | 'authorizedPerson' | 'loa' | 'invoice'>>;

// Next bundles this module more than once (the start-up code that builds the carrier, each route
// and action): `instanceof` fails across copies, so the errors carry a brand that every copy reads.
const CARRIER_ERROR = Symbol.for('port-numbers.CarrierError');
const SIGNATURE_ERROR = Symbol.for('port-numbers.CarrierSignatureError');

/** A failure of the carrier: down or refusing. `retryable` says whether trying again later can help. */
export class CarrierError extends Error {
  readonly [CARRIER_ERROR] = true;
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CarrierError';
  }
}

/** A webhook whose signature does not verify (or is too old): refused, never acted on. */
export class CarrierSignatureError extends Error {
  readonly [SIGNATURE_ERROR] = true;
  constructor(message: string) {
    super(message);
    this.name = 'CarrierSignatureError';
  }
}

/** Whether `error` is a CarrierError from any copy of this module (use instead of instanceof). */
export function isCarrierError(error: unknown): error is CarrierError {
  return typeof error === 'object' && error !== null && CARRIER_ERROR in error;
}

/** Whether `error` is a CarrierSignatureError from any copy of this module (use instead of instanceof). */
export function isCarrierSignatureError(error: unknown): error is CarrierSignatureError {
  return typeof error === 'object' && error !== null && SIGNATURE_ERROR in error;
}

export interface PortingCarrier {
  /** The carrier's name in our records ('telnyx'). */
  readonly name: string;
  checkPortability(numbers: string[]): Promise<CarrierPortability[]>;
  /**
   * Places the order(s) for these numbers: creates it (the carrier may split it into several),
   * sends the documents, fills in the request's details and confirms (submits) each. Safe to call
   * again with the same reference after a failure: orders already created are found and finished,
   * not created twice.
   */
  placeOrder(input: CarrierOrderInput): Promise<CarrierOrder[]>;
  /** Sends corrected details (and documents) for an order in exception, then confirms it again. */
  updateOrder(orderId: string, update: CarrierOrderUpdate): Promise<CarrierOrder>;
  getOrder(orderId: string): Promise<CarrierOrder>;
  allowedFocWindows(orderId: string): Promise<FocWindow[]>;
  /** Asks for another FOC date-time (ISO); the carrier confirms or refuses it later. */
  requestFoc(orderId: string, at: string): Promise<CarrierOrder>;
  /** On-demand activation of a fast-port order inside its activation window. */
  activate(orderId: string): Promise<CarrierOrder>;
  cancel(orderId: string): Promise<CarrierOrder>;
  comment(orderId: string, body: string): Promise<CarrierComment>;
  listComments(orderId: string): Promise<CarrierComment[]>;
  /** Verifies a webhook's signature on the raw body and reads it; throws CarrierSignatureError. */
  parseWebhook(rawBody: string, headers: Record<string, string>): Promise<CarrierEvent>;
}
