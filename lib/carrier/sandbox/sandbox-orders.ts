// The carrier sandbox's porting orders: what the carrier keeps, how its clock moves them, and how
// each is shown in the API's own shapes (typed with the SDK's response types, so a drift from the
// real API fails the typecheck). No HTTP here: carrier-sandbox.ts serves it.
import { randomBytes, randomUUID } from 'node:crypto';
import type Telnyx from 'telnyx';
import {
  ACTIVATION_WINDOW,
  CANCEL_DELAY,
  CARRIER_ANSWER_DELAY,
  MESSAGING_DELAY,
  checkNumber,
  confirmedFoc,
  exceptionsFor,
  focWindows,
  numberKind,
  splitNumbers,
  type SandboxException,
} from './rules';

type OrderStatus = NonNullable<NonNullable<Telnyx.PortingOrder['status']>['value']>;
type MessagingStatus = NonNullable<Telnyx.PortingOrderMessaging['messaging_port_status']>;
type ActivationStatus = NonNullable<Telnyx.PortingOrderActivationSettings['activation_status']>;

export type SandboxComment = { id: string; body: string; userType: 'admin' | 'user' | 'system'; createdAt: number };

/** One order as the sandbox stores it (and persists it, in local mode). */
export type StoredOrder = {
  id: string;
  createdAt: number;
  updatedAt: number;
  customerReference: string | null;
  customerGroupReference: string | null;
  numbers: string[];
  phoneNumberType: 'local' | 'toll_free';
  oldServiceProvider: string;
  status: OrderStatus;
  exceptions: SandboxException[];
  supportKey: string;
  parentSupportKey: string;
  focRequested: string | null;
  focActual: number | null;
  fastPortEligible: boolean;
  activationStatus: ActivationStatus | null;
  enableMessaging: boolean;
  messagingCapable: boolean;
  messagingStatus: MessagingStatus;
  documents: { loa: string | null; invoice: string | null };
  endUser: { admin: Telnyx.PortingOrderEndUserAdmin; location: Telnyx.PortingOrderEndUserLocation };
  misc: Telnyx.PortingOrderMisc | null;
  /** When the carrier last received the order (confirm, or a correction): its answer is due an hour later. */
  submittedAt: number | null;
  cancelRequestedAt: number | null;
  portedAt: number | null;
  comments: SandboxComment[];
  activationJobs: Telnyx.PortingOrdersActivationJob[];
};

export type StoredDocument = { id: string; filename: string; size: number; contentType: string; customerReference: string | null; createdAt: number };

/** What happened to an order, for a webhook. */
export type OrderEvent =
  | { type: 'porting_order.status_changed'; at: number; order: StoredOrder }
  | { type: 'porting_order.new_comment'; at: number; order: StoredOrder; comment: SandboxComment }
  | { type: 'porting_order.messaging_changed'; at: number; order: StoredOrder };

/** A refusal, answered as the API answers it: `{errors: [{code, title, detail}]}`. */
export class SandboxRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The sandbox never keeps a PIN (its state file sits beside the app's data): only whether it was
 * the rules' test PIN 0000, which is no secret. Any other PIN is kept as "****".
 */
function withoutPin(admin: Telnyx.PortingOrderEndUserAdmin): Telnyx.PortingOrderEndUserAdmin {
  if (typeof admin.pin_passcode !== 'string') return admin;
  return { ...admin, pin_passcode: admin.pin_passcode.trim() === '0000' ? '0000' : '****' };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const EDITABLE: OrderStatus[] = ['draft', 'in-process', 'exception'];
const FOC_EDITABLE: OrderStatus[] = ['draft', 'in-process', 'exception', 'submitted', 'foc-date-confirmed'];

export class SandboxOrders {
  orders = new Map<string, StoredOrder>();
  documents = new Map<string, StoredDocument>();

  constructor(
    private readonly emit: (event: OrderEvent) => void,
    private readonly userId = '00000000-0000-4000-8000-000000005a4d',
  ) {}

  get(id: string): StoredOrder {
    const order = this.orders.get(id);
    if (!order) throw new SandboxRefusal(404, '10005', 'Resource not found', `Porting order ${id} was not found`);
    return order;
  }

  create(numbers: string[], customerReference: string | null, customerGroupReference: string | null, now: number): StoredOrder[] {
    if (!numbers.length) throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'phone_numbers must list at least one number');
    const refused = numbers.map((n) => ({ n, v: checkNumber(n) })).filter((x) => !x.v.portable);
    if (refused.length) {
      throw new SandboxRefusal(422, '10015', 'Phone number not portable', refused.map((x) => `${x.n}: ${x.v.notPortableReason}`).join('; '));
    }
    const parentSupportKey = `pr_${randomBytes(3).toString('hex')}`;
    return splitNumbers([...new Set(numbers)]).map((group) => {
      const verdicts = group.map(checkNumber);
      const order: StoredOrder = {
        id: randomUUID(),
        createdAt: now,
        updatedAt: now,
        customerReference,
        customerGroupReference,
        numbers: group,
        phoneNumberType: verdicts[0].type ?? 'local',
        oldServiceProvider: verdicts[0].carrier ?? '',
        status: 'draft',
        exceptions: [],
        supportKey: `sr_${randomBytes(3).toString('hex')}`,
        parentSupportKey,
        focRequested: null,
        focActual: null,
        fastPortEligible: verdicts.every((v) => v.fastPortable),
        activationStatus: null,
        enableMessaging: true,
        messagingCapable: verdicts.every((v) => v.type === 'local' || v.type === 'toll_free'),
        messagingStatus: 'not_applicable',
        documents: { loa: null, invoice: null },
        endUser: { admin: {}, location: {} },
        misc: null,
        submittedAt: null,
        cancelRequestedAt: null,
        portedAt: null,
        comments: [],
        activationJobs: [],
      };
      this.orders.set(order.id, order);
      return order;
    });
  }

  update(id: string, body: Telnyx.PortingOrderUpdateParams, now: number): StoredOrder {
    const order = this.get(id);
    const detailsChanged = body.end_user !== undefined || body.documents !== undefined || body.misc !== undefined || body.messaging !== undefined;
    const focChanged = body.activation_settings?.foc_datetime_requested !== undefined;
    if (detailsChanged && !EDITABLE.includes(order.status)) {
      throw new SandboxRefusal(422, '10015', 'Porting order cannot be edited', `A porting order in status ${order.status} cannot be edited`);
    }
    if (focChanged && !FOC_EDITABLE.includes(order.status)) {
      throw new SandboxRefusal(422, '10015', 'Porting order cannot be edited', `The FOC of a porting order in status ${order.status} cannot be changed`);
    }
    if (focChanged && Number.isNaN(Date.parse(body.activation_settings!.foc_datetime_requested!))) {
      throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'activation_settings.foc_datetime_requested must be an ISO 8601 date-time');
    }
    for (const kind of ['loa', 'invoice'] as const) {
      const doc = body.documents?.[kind];
      if (doc && !this.documents.has(doc)) throw new SandboxRefusal(422, '10015', 'Invalid parameter', `documents.${kind}: document ${doc} was not found`);
    }
    if (body.documents) order.documents = { ...order.documents, ...body.documents } as StoredOrder['documents'];
    if (body.end_user?.admin) order.endUser.admin = { ...order.endUser.admin, ...withoutPin(body.end_user.admin) };
    if (body.end_user?.location) order.endUser.location = { ...order.endUser.location, ...body.end_user.location };
    if (body.misc !== undefined) order.misc = body.misc;
    if (body.messaging?.enable_messaging !== undefined) order.enableMessaging = body.messaging.enable_messaging;
    if (body.customer_reference !== undefined) order.customerReference = body.customer_reference;
    if (body.customer_group_reference !== undefined) order.customerGroupReference = body.customer_group_reference;
    if (focChanged) order.focRequested = body.activation_settings!.foc_datetime_requested!;
    order.updatedAt = now;
    // A corrected order goes back to the losing carrier; so does a new FOC after one was confirmed.
    if (order.status === 'exception' || (focChanged && order.status === 'foc-date-confirmed')) {
      order.exceptions = [];
      order.focActual = null;
      order.activationStatus = null;
      this.setStatus(order, 'submitted', now);
      order.submittedAt = now;
    }
    return order;
  }

  confirm(id: string, now: number): StoredOrder {
    const order = this.get(id);
    if (order.status !== 'draft' && order.status !== 'in-process') {
      throw new SandboxRefusal(422, '10015', 'Porting order cannot be confirmed', `A porting order in status ${order.status} cannot be confirmed`);
    }
    const missing = [
      !order.documents.loa && 'documents.loa',
      !order.documents.invoice && 'documents.invoice',
      !order.endUser.admin.entity_name && 'end_user.admin.entity_name',
      !order.endUser.admin.auth_person_name && 'end_user.admin.auth_person_name',
      !order.endUser.location.postal_code && 'end_user.location.postal_code',
    ].filter(Boolean);
    if (missing.length) throw new SandboxRefusal(422, '10015', 'Porting order is incomplete', `Missing before confirming: ${missing.join(', ')}`);
    order.submittedAt = now;
    order.messagingStatus = order.enableMessaging && order.messagingCapable ? 'pending' : 'not_applicable';
    this.setStatus(order, 'submitted', now);
    return order;
  }

  cancel(id: string, now: number): StoredOrder {
    const order = this.get(id);
    if (order.status === 'ported') throw new SandboxRefusal(422, '10015', 'Porting order cannot be cancelled', 'A ported order cannot be cancelled');
    if (order.status === 'cancelled' || order.status === 'cancel-pending') return order;
    if (order.status === 'draft' || order.status === 'in-process') {
      this.setStatus(order, 'cancelled', now);
    } else {
      order.cancelRequestedAt = now;
      this.setStatus(order, 'cancel-pending', now);
    }
    if (order.messagingStatus === 'pending') order.messagingStatus = 'canceled';
    return order;
  }

  activate(id: string, now: number): Telnyx.PortingOrdersActivationJob {
    const order = this.get(id);
    if (!order.fastPortEligible) throw new SandboxRefusal(422, '10015', 'Porting order is not FastPort eligible', 'Only FastPort orders can be activated on demand');
    if (order.status !== 'foc-date-confirmed' || order.activationStatus !== 'Activate RDY' || order.focActual === null) {
      throw new SandboxRefusal(422, '10015', 'Porting order cannot be activated', 'The order is not inside its activation window');
    }
    const job: Telnyx.PortingOrdersActivationJob = {
      id: randomUUID(),
      activate_at: iso(now)!,
      activation_type: 'on-demand',
      activation_windows: [{ start_at: iso(order.focActual)!, end_at: iso(order.focActual + ACTIVATION_WINDOW)! }],
      created_at: iso(now)!,
      record_type: 'porting_activation_job',
      status: 'completed',
      updated_at: iso(now)!,
    };
    order.activationJobs.push(job);
    this.port(order, now);
    return job;
  }

  comment(id: string, body: string, userType: SandboxComment['userType'], now: number): SandboxComment {
    const order = this.get(id);
    if (!body.trim()) throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'body must not be empty');
    const comment: SandboxComment = { id: randomUUID(), body, userType, createdAt: now };
    order.comments.push(comment);
    // Only the carrier's own comments are news to the customer of the API.
    if (userType !== 'user') this.emit({ type: 'porting_order.new_comment', at: now, order, comment });
    return comment;
  }

  /** Runs every transition due by `now`, each at its own time, in time order within an order. */
  runDue(now: number): void {
    for (const order of this.orders.values()) {
      for (let step = 0; step < 10 && this.step(order, now); step += 1);
    }
  }

  private step(order: StoredOrder, now: number): boolean {
    if (order.status === 'submitted' && order.submittedAt !== null && now >= order.submittedAt + CARRIER_ANSWER_DELAY) {
      const at = order.submittedAt + CARRIER_ANSWER_DELAY;
      const exceptions = exceptionsFor({
        numbers: order.numbers,
        pin: order.endUser.admin.pin_passcode,
        accountNumber: order.endUser.admin.account_number,
        postalCode: order.endUser.location.postal_code,
      });
      if (exceptions.length) {
        order.exceptions = exceptions;
        this.setStatus(order, 'exception', at);
        this.comment(order.id, `The losing carrier rejected the order: ${exceptions.map((e) => e.description).join('; ')}. Please correct the order.`, 'admin', at);
      } else {
        order.focActual = confirmedFoc(order.submittedAt, order.focRequested);
        this.setStatus(order, 'foc-date-confirmed', at);
      }
      return true;
    }
    if (order.status === 'foc-date-confirmed' && order.focActual !== null && now >= order.focActual) {
      if (!order.fastPortEligible) {
        this.port(order, order.focActual);
        return true;
      }
      if (now >= order.focActual + ACTIVATION_WINDOW) {
        this.port(order, order.focActual + ACTIVATION_WINDOW);
        return true;
      }
      if (order.activationStatus !== 'Activate RDY') {
        order.activationStatus = 'Activate RDY';
        order.updatedAt = order.focActual;
        return true;
      }
      return false;
    }
    if (order.status === 'cancel-pending' && order.cancelRequestedAt !== null && now >= order.cancelRequestedAt + CANCEL_DELAY) {
      this.setStatus(order, 'cancelled', order.cancelRequestedAt + CANCEL_DELAY);
      return true;
    }
    if (order.status === 'ported' && order.messagingStatus === 'pending' && order.portedAt !== null && now >= order.portedAt + MESSAGING_DELAY) {
      order.messagingStatus = 'ported';
      order.updatedAt = order.portedAt + MESSAGING_DELAY;
      this.emit({ type: 'porting_order.messaging_changed', at: order.updatedAt, order });
      return true;
    }
    return false;
  }

  private port(order: StoredOrder, at: number) {
    order.activationStatus = 'Active';
    order.portedAt = at;
    this.setStatus(order, 'ported', at);
  }

  private setStatus(order: StoredOrder, status: OrderStatus, at: number) {
    order.status = status;
    order.updatedAt = at;
    if (status !== 'exception') order.exceptions = [];
    this.emit({ type: 'porting_order.status_changed', at, order });
  }

  // ---- the API's shapes ----

  toApi(order: StoredOrder, includeNumbers: boolean): Telnyx.PortingOrder {
    const requirementsMet = !!(order.documents.loa && order.documents.invoice);
    return {
      id: order.id,
      activation_settings: {
        activation_status: order.activationStatus,
        fast_port_eligible: order.fastPortEligible,
        foc_datetime_actual: iso(order.focActual),
        foc_datetime_requested: order.focRequested,
      },
      additional_steps: [],
      created_at: iso(order.createdAt)!,
      customer_reference: order.customerReference,
      customer_group_reference: order.customerGroupReference,
      description: `Port ${order.numbers.length} number(s) from ${order.oldServiceProvider}`,
      documents: order.documents,
      end_user: order.endUser,
      messaging: {
        enable_messaging: order.enableMessaging,
        messaging_capable: order.messagingCapable,
        messaging_port_completed: order.messagingStatus === 'ported',
        messaging_port_status: order.messagingStatus,
      },
      misc: order.misc,
      old_service_provider_ocn: order.oldServiceProvider,
      parent_support_key: order.status === 'draft' ? null : order.parentSupportKey,
      phone_number_configuration: { billing_group_id: null, connection_id: null, emergency_address_id: null, messaging_profile_id: null, tags: [] },
      phone_number_type: order.phoneNumberType,
      ...(includeNumbers ? { phone_numbers: order.numbers.map((n) => this.phoneNumberToApi(order, n)) } : {}),
      porting_phone_numbers_count: order.numbers.length,
      record_type: 'porting_order',
      requirements: [],
      requirements_met: requirementsMet,
      status: { value: order.status, details: order.exceptions },
      support_key: order.status === 'draft' ? null : order.supportKey,
      updated_at: iso(order.updatedAt)!,
      user_feedback: { user_comment: null, user_rating: null },
      user_id: this.userId,
      webhook_url: null,
    };
  }

  private phoneNumberToApi(order: StoredOrder, number: string): Telnyx.PortingPhoneNumber {
    return {
      activation_status: order.activationStatus ?? 'New',
      phone_number: number,
      phone_number_type: numberKind(number).type ?? 'local',
      portability_status: order.status === 'draft' ? 'pending' : 'confirmed',
      porting_order_id: order.id,
      porting_order_status: order.status === 'draft' ? 'draft' : order.status,
      record_type: 'porting_phone_number',
      requirements_status: order.documents.loa && order.documents.invoice ? 'approved' : 'requirement-info-pending',
      support_key: order.supportKey,
    };
  }

  commentToApi(order: StoredOrder, comment: SandboxComment): Telnyx.PortingOrders.PortingOrdersComment {
    return { id: comment.id, body: comment.body, created_at: iso(comment.createdAt)!, porting_order_id: order.id, record_type: 'porting_comment', user_type: comment.userType };
  }

  focWindowsToApi(order: StoredOrder, now: number): Telnyx.PortingOrderRetrieveAllowedFocWindowsResponse.Data[] {
    return focWindows(order.submittedAt ?? now).map((w) => ({ started_at: iso(w.startsAt)!, ended_at: iso(w.endsAt)!, record_type: 'porting_order_foc_window' }));
  }

  documentToApi(doc: StoredDocument): Telnyx.DocServiceDocument {
    return {
      id: doc.id,
      av_scan_status: 'scanned',
      content_type: doc.contentType,
      created_at: iso(doc.createdAt)!,
      customer_reference: doc.customerReference ?? undefined,
      filename: doc.filename,
      record_type: 'document',
      size: { amount: doc.size, unit: 'bytes' },
      status: 'verified',
      updated_at: iso(doc.createdAt)!,
    };
  }
}
