import 'server-only';
import Telnyx, { APIConnectionError, APIError } from 'telnyx';
import { z } from 'zod';
import { CarrierError, CarrierSignatureError, type CarrierComment, type CarrierDocument, type CarrierEvent, type CarrierMessagingStatus, type CarrierOrder, type CarrierOrderInput, type CarrierOrderStatus, type CarrierOrderUpdate, type CarrierPortability, type FocWindow, type PortingCarrier, isCarrierError } from './porting-carrier';

export type TelnyxCarrierOptions = {
  apiKey: string;
  /** Base64 Ed25519 public key of the account (Mission Control), for the webhooks. */
  publicKey: string;
  /** https://api.telnyx.com/v2 unless set (the sandbox's address in local mode and tests). */
  baseUrl?: string;
  maxRetries?: number;
  timeoutMs?: number;
  /** Number lookups at a time (each one is a billed API call on Telnyx). */
  lookupConcurrency?: number;
};

/** Numbers per portability check call. */
const PORTABILITY_BATCH = 250;
// Statuses where the order has not reached the carrier yet: placing (again) finishes them.
const NOT_SUBMITTED: CarrierOrderStatus[] = ['draft', 'in-process'];

const EVENT_TYPES: Record<string, CarrierEvent['type']> = {
  'porting_order.status_changed': 'order_status_changed',
  'porting_order.new_comment': 'order_comment',
  'porting_order.messaging_changed': 'order_messaging_changed',
  'porting_order.split': 'order_split',
};

// What we read of a webhook (Telnyx's port-in notifications: docs/carrier.md); the rest is kept raw.
const webhookBody = z.object({
  data: z.object({
    event_type: z.string(),
    id: z.string(),
    occurred_at: z.string(),
    payload: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The porting carrier over the official Telnyx SDK. The PIN is sent, never logged. */
export class TelnyxCarrier implements PortingCarrier {
  readonly name = 'telnyx';
  private readonly client: Telnyx;
  private readonly lookupConcurrency: number;

  constructor(options: TelnyxCarrierOptions) {
    this.client = new Telnyx({
      apiKey: options.apiKey,
      publicKey: options.publicKey,
      baseURL: options.baseUrl,
      maxRetries: options.maxRetries ?? 2,
      timeout: options.timeoutMs ?? 20_000,
      logLevel: 'off',
    });
    this.lookupConcurrency = options.lookupConcurrency ?? 4;
  }

  async checkPortability(numbers: string[]): Promise<CarrierPortability[]> {
    const results: CarrierPortability[] = [];
    for (let i = 0; i < numbers.length; i += PORTABILITY_BATCH) {
      const batch = numbers.slice(i, i + PORTABILITY_BATCH);
      const answer = await call(() => this.client.portabilityChecks.run({ phone_numbers: batch }));
      const byNumber = new Map((answer.data ?? []).map((r) => [r.phone_number, r]));
      for (const number of batch) {
        const r = byNumber.get(number);
        results.push({
          number,
          portable: r?.portable ?? false,
          ...(r?.portable ? {} : { notPortableReason: r?.not_portable_reason || 'The carrier did not answer for this number' }),
          fastPortable: r?.fast_portable ?? false,
        });
      }
    }
    // Who serves each portable number today: one lookup per number, a few at a time.
    await eachLimited(
      results.filter((r) => r.portable),
      this.lookupConcurrency,
      async (r) => {
        const lookup = await this.lookup(r.number);
        if (lookup) Object.assign(r, lookup);
      },
    );
    return results;
  }

  private async lookup(number: string): Promise<Pick<CarrierPortability, 'currentCarrier' | 'messagingCapable'> | null> {
    try {
      const { data } = await call(() => this.client.numberLookup.retrieve(number, { type: 'carrier' }));
      const currentCarrier = data?.portability?.spid_carrier_name || data?.carrier?.name || undefined;
      // Messaging ports with US and Canadian local and toll-free numbers (Telnyx "Messaging + Porting").
      const messagingCapable = data?.country_code === 'US' || data?.country_code === 'CA' ? true : undefined;
      return { ...(currentCarrier ? { currentCarrier } : {}), ...(messagingCapable ? { messagingCapable } : {}) };
    } catch (error) {
      // A lookup the carrier refuses leaves the carrier unknown; an outage fails the check.
      if (isCarrierError(error) && !error.retryable) return null;
      throw error;
    }
  }

  async placeOrder(input: CarrierOrderInput): Promise<CarrierOrder[]> {
    // Idempotent by reference: orders an earlier attempt created are finished, not created again.
    let orders = await this.ordersByReference(input.reference);
    if (!orders.length) {
      const created = await call(() =>
        this.client.portingOrders.create({ phone_numbers: input.numbers, customer_reference: input.reference, customer_group_reference: input.portRequestId }),
      );
      orders = created.data ?? [];
      if (!orders.length) throw new CarrierError('The carrier created no porting order', true);
    }
    let documents: { loa: string; invoice: string } | null = null;
    const placed: CarrierOrder[] = [];
    for (const order of orders) {
      const status = order.status?.value;
      if (!order.id) continue;
      if (status && !NOT_SUBMITTED.includes(status)) {
        placed.push(toOrder(order));
        continue;
      }
      const existing = order.documents?.loa && order.documents?.invoice ? { loa: order.documents.loa, invoice: order.documents.invoice } : null;
      // The carrier split the request: one upload serves every part.
      documents ??= existing ?? {
        loa: await this.upload(input.loa, input.reference),
        invoice: await this.upload(input.invoice, input.reference),
      };
      const id = order.id;
      await call(() =>
        this.client.portingOrders.update(id, {
          customer_reference: input.reference,
          documents: existing ?? documents!,
          end_user: endUser(input),
          misc: { type: input.portType },
          messaging: { enable_messaging: input.enableMessaging },
          ...(input.requestedFocAt ? { activation_settings: { foc_datetime_requested: input.requestedFocAt } } : {}),
        }),
      );
      const confirmed = await call(() => this.client.portingOrders.actions.confirm(id));
      placed.push(toOrder(confirmed.data ?? order));
    }
    return placed;
  }

  private async ordersByReference(reference: string): Promise<Telnyx.PortingOrder[]> {
    return call(async () => {
      const found: Telnyx.PortingOrder[] = [];
      for await (const order of this.client.portingOrders.list({ filter: { customer_reference: reference }, include_phone_numbers: true, 'page[size]': 50 })) {
        // Only an exact match counts, whatever the carrier's filter does with the text.
        if (order.customer_reference === reference && order.status?.value !== 'cancelled') found.push(order);
      }
      return found;
    });
  }

  private async upload(document: CarrierDocument, reference: string): Promise<string> {
    const answer = await call(() =>
      this.client.documents.upload({ document: { file: document.bytes.toString('base64'), filename: document.filename, customer_reference: reference } }),
    );
    if (!answer.data?.id) throw new CarrierError(`The carrier did not accept ${document.filename}`, true);
    return answer.data.id;
  }

  async updateOrder(orderId: string, update: CarrierOrderUpdate): Promise<CarrierOrder> {
    const documents: Telnyx.PortingOrderDocuments = {};
    if (update.loa) documents.loa = await this.upload(update.loa, orderId);
    if (update.invoice) documents.invoice = await this.upload(update.invoice, orderId);
    const admin: Telnyx.PortingOrderEndUserAdmin = {
      ...(update.accountHolder !== undefined ? { entity_name: update.accountHolder } : {}),
      ...(update.accountNumber !== undefined ? { account_number: update.accountNumber } : {}),
      ...(update.pin !== undefined ? { pin_passcode: update.pin } : {}),
      ...(update.billingTelephoneNumber !== undefined ? { billing_phone_number: update.billingTelephoneNumber } : {}),
      ...(update.authorizedPerson ? { auth_person_name: update.authorizedPerson.name } : {}),
    };
    const body: Telnyx.PortingOrderUpdateParams = {
      ...(Object.keys(documents).length ? { documents } : {}),
      ...(Object.keys(admin).length || update.serviceAddress
        ? { end_user: { ...(Object.keys(admin).length ? { admin } : {}), ...(update.serviceAddress ? { location: location(update.serviceAddress) } : {}) } }
        : {}),
      ...(update.portType ? { misc: { type: update.portType } } : {}),
    };
    const updated = await call(() => this.client.portingOrders.update(orderId, body));
    // A corrected order goes back to the losing carrier by itself; one still in draft is confirmed.
    if (updated.data?.status?.value && NOT_SUBMITTED.includes(updated.data.status.value)) {
      return toOrder((await call(() => this.client.portingOrders.actions.confirm(orderId))).data ?? updated.data);
    }
    return updated.data ? toOrder(updated.data) : this.getOrder(orderId);
  }

  async getOrder(orderId: string): Promise<CarrierOrder> {
    const answer = await call(() => this.client.portingOrders.retrieve(orderId, { include_phone_numbers: true }));
    if (!answer.data) throw new CarrierError(`The carrier returned no order ${orderId}`, true);
    return toOrder(answer.data);
  }

  async allowedFocWindows(orderId: string): Promise<FocWindow[]> {
    const answer = await call(() => this.client.portingOrders.retrieveAllowedFocWindows(orderId));
    return (answer.data ?? []).filter((w) => w.started_at && w.ended_at).map((w) => ({ startsAt: w.started_at!, endsAt: w.ended_at! }));
  }

  async requestFoc(orderId: string, at: string): Promise<CarrierOrder> {
    const answer = await call(() => this.client.portingOrders.update(orderId, { activation_settings: { foc_datetime_requested: at } }));
    return answer.data ? toOrder(answer.data) : this.getOrder(orderId);
  }

  async activate(orderId: string): Promise<CarrierOrder> {
    await call(() => this.client.portingOrders.actions.activate(orderId));
    return this.getOrder(orderId);
  }

  async cancel(orderId: string): Promise<CarrierOrder> {
    const answer = await call(() => this.client.portingOrders.actions.cancel(orderId));
    return answer.data ? toOrder(answer.data) : this.getOrder(orderId);
  }

  async comment(orderId: string, body: string): Promise<CarrierComment> {
    const answer = await call(() => this.client.portingOrders.comments.create(orderId, { body }));
    if (!answer.data) throw new CarrierError('The carrier did not keep the comment', true);
    return toComment(answer.data);
  }

  async listComments(orderId: string): Promise<CarrierComment[]> {
    return call(async () => {
      const comments: CarrierComment[] = [];
      for await (const c of this.client.portingOrders.comments.list(orderId)) comments.push(toComment(c));
      return comments;
    });
  }

  async parseWebhook(rawBody: string, headers: Record<string, string>): Promise<CarrierEvent> {
    try {
      // Ed25519 over `${telnyx-timestamp}|${body}`, at most five minutes old (the SDK's check).
      await this.client.webhooks.unwrap(rawBody, { headers });
    } catch (error) {
      throw new CarrierSignatureError(`The webhook's signature does not verify: ${error instanceof Error ? error.message : String(error)}`);
    }
    const raw = JSON.parse(rawBody) as Record<string, unknown>;
    const parsed = webhookBody.safeParse(raw);
    if (!parsed.success) throw new CarrierSignatureError('The webhook is not a Telnyx event');
    const { event_type, id, occurred_at, payload = {} } = parsed.data.data;
    return {
      id,
      type: EVENT_TYPES[event_type] ?? 'order_other',
      carrierType: event_type,
      orderId: orderIdOf(payload),
      occurredAt: occurred_at,
      raw,
    };
  }
}

function orderIdOf(payload: Record<string, unknown>): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const from = payload.from as Record<string, unknown> | undefined;
  return text(payload.porting_order_id) ?? text(payload.id) ?? text(from?.id);
}

function location(address: CarrierOrderInput['serviceAddress']): Telnyx.PortingOrderEndUserLocation {
  return {
    street_address: address.street,
    extended_address: address.unit ?? null,
    locality: address.city,
    administrative_area: address.region,
    postal_code: address.postalCode,
    country_code: address.country,
  };
}

function endUser(input: CarrierOrderInput): Telnyx.PortingOrderEndUser {
  return {
    admin: {
      entity_name: input.accountHolder,
      account_number: input.accountNumber,
      pin_passcode: input.pin ?? null,
      billing_phone_number: input.billingTelephoneNumber ?? null,
      auth_person_name: input.authorizedPerson.name,
    },
    location: location(input.serviceAddress),
  };
}

function toOrder(order: Telnyx.PortingOrder): CarrierOrder {
  const status = order.status?.value ?? 'draft';
  return {
    id: order.id ?? '',
    ...(order.customer_reference ? { reference: order.customer_reference } : {}),
    ...(order.support_key ? { supportKey: order.support_key } : {}),
    status,
    exceptions: status === 'exception' ? (order.status?.details ?? []).map((d) => ({ code: d.code ?? 'OTHER', ...(d.description ? { description: d.description } : {}) })) : [],
    numbers: (order.phone_numbers ?? []).map((n) => n.phone_number).filter((n): n is string => !!n),
    ...(order.activation_settings?.foc_datetime_requested ? { focRequestedAt: order.activation_settings.foc_datetime_requested } : {}),
    ...(order.activation_settings?.foc_datetime_actual ? { focConfirmedAt: order.activation_settings.foc_datetime_actual } : {}),
    fastPortEligible: order.activation_settings?.fast_port_eligible ?? false,
    ...(order.activation_settings?.activation_status ? { activationStatus: order.activation_settings.activation_status } : {}),
    ...(order.messaging?.messaging_port_status ? { messagingStatus: order.messaging.messaging_port_status satisfies CarrierMessagingStatus } : {}),
    ...(order.updated_at ? { updatedAt: order.updated_at } : {}),
  };
}

function toComment(c: Telnyx.PortingOrders.PortingOrdersComment): CarrierComment {
  return { id: c.id ?? '', body: c.body ?? '', author: c.user_type === 'user' ? 'us' : 'carrier', createdAt: c.created_at ?? new Date().toISOString() };
}

/** Runs an SDK call; the carrier's failures become CarrierError (retryable when trying later can help). */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toCarrierError(error);
  }
}

export function toCarrierError(error: unknown): unknown {
  if (isCarrierError(error)) return error;
  if (error instanceof APIConnectionError) return new CarrierError(`The carrier cannot be reached: ${error.message}`, true);
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const body = error.error as { errors?: { title?: string; detail?: string; meta?: { retryable?: boolean } }[] } | undefined;
    const words = body?.errors?.map((e) => e.detail || e.title).filter(Boolean).join('; ') || error.message;
    // The Porting API flags errors that the same request may get past later (meta.retryable).
    const retryable = status >= 500 || status === 429 || status === 408 || !!body?.errors?.some((e) => e.meta?.retryable === true);
    return new CarrierError(retryable ? `The carrier is unavailable (${status}): ${words}` : words, retryable, status || undefined);
  }
  return error;
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
