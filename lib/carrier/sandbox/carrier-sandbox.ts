// The in-process carrier sandbox: a node:http server on 127.0.0.1 that speaks the subset of the
// Telnyx API v2 the adapter (telnyx-carrier.ts) calls, with the same paths, `{data: ...}` envelopes
// and `{errors: [...]}` refusals, so local mode and tests run the official SDK end to end. Its
// clock is real time plus an offset that tests and /dev/carrier move. The rules: ./rules.ts and
// docs/carrier.md. Only lib/carrier/get-carrier.ts (and the test helper) start it.
import { logFailure } from '../../log';
import { getLogger } from '../../ops/logger';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type Telnyx from 'telnyx';
import { ensurePrivateDir, tighten } from '@/lib/config/private-dir';
import { checkNumber, currentCarrier, numberKind } from './rules';
import { SandboxOrders, SandboxRefusal, type OrderEvent, type StoredDocument, type StoredOrder } from './sandbox-orders';
import { WebhookSender, type WebhookReceiver } from './webhook-sender';

export type CarrierSandboxOptions = {
  /** Where webhooks are POSTed (the app's /api/carrier/webhooks). */
  webhookUrl?: string;
  /** Instead of HTTP: hand each webhook to this function (tests). */
  onWebhook?: WebhookReceiver;
  /** Local mode: keep orders, clock and signing key in this file across restarts. */
  stateFile?: string;
  /** How often the clock's due transitions run in real time. */
  tickMs?: number;
  webhookRetryDelaysMs?: number[];
};

/** An order as the sandbox's own page and tests see it. */
export type SandboxOrderView = {
  id: string;
  customerReference: string | null;
  status: string;
  exceptions: string[];
  numbers: string[];
  focRequested: string | null;
  focConfirmed: string | null;
  fastPortEligible: boolean;
  activationStatus: string | null;
  messagingStatus: string;
  updatedAt: string;
};

export type CarrierSandbox = {
  baseUrl: string;
  apiKey: string;
  /** Base64 Ed25519 public key the webhooks verify with. */
  publicKey: string;
  now(): number;
  /** Moves the carrier's clock forward and runs what falls due (webhooks are queued, not awaited). */
  advance(ms: number): void;
  setDropWebhooks(drop: boolean): void;
  flushWebhooks(): Promise<void>;
  /** Answer 503 to every API call (a carrier outage). */
  setDown(down: boolean): void;
  orders(): SandboxOrderView[];
  /** Signed headers for any body, as the carrier would send them now. */
  signedHeaders(body: string, timestamp?: number): Record<string, string>;
  /** A comment from the carrier's staff on an order (sends porting_order.new_comment). */
  addCarrierComment(orderId: string, body: string): void;
  close(): Promise<void>;
};

type PersistedState = {
  version: 1;
  apiKey: string;
  privateKeyPem: string;
  offsetMs: number;
  orders: StoredOrder[];
  documents: StoredDocument[];
};

const MAX_BODY = 25 * 1024 * 1024;

function readState(file: string | undefined): PersistedState | null {
  if (!file || !existsSync(file)) return null;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as PersistedState;
    return state.version === 1 ? state : null;
  } catch {
    getLogger().warn({ context: 'carrier-sandbox' }, 'the saved sandbox state is unreadable: starting with no orders');
    return null;
  }
}

export async function startCarrierSandbox(options: CarrierSandboxOptions = {}): Promise<CarrierSandbox> {
  const saved = readState(options.stateFile);
  const apiKey = saved?.apiKey ?? `KEYsandbox_${randomBytes(12).toString('hex')}`;
  const webhooks = new WebhookSender({ url: options.webhookUrl, receiver: options.onWebhook }, saved?.privateKeyPem, options.webhookRetryDelaysMs);
  let offsetMs = saved?.offsetMs ?? 0;
  let down = false;
  const now = () => Date.now() + offsetMs;

  const store = new SandboxOrders((event) => queueWebhook(event));
  for (const order of saved?.orders ?? []) store.orders.set(order.id, order);
  for (const doc of saved?.documents ?? []) store.documents.set(doc.id, doc);

  function queueWebhook(event: OrderEvent) {
    const order = event.order;
    const occurredAt = new Date(event.at).toISOString();
    if (event.type === 'porting_order.new_comment') {
      webhooks.enqueue(event.type, occurredAt, {
        porting_order_id: order.id,
        support_key: order.supportKey,
        comment: { id: event.comment.id, body: event.comment.body, inserted_at: occurredAt, user_id: null, user_type: event.comment.userType },
      });
      return;
    }
    const api = store.toApi(order, false);
    if (event.type === 'porting_order.messaging_changed') {
      webhooks.enqueue(event.type, occurredAt, { id: order.id, customer_reference: order.customerReference, support_key: order.supportKey, messaging: api.messaging });
      return;
    }
    webhooks.enqueue(event.type, occurredAt, {
      id: order.id,
      customer_reference: order.customerReference,
      status: api.status,
      support_key: order.supportKey,
      updated_at: occurredAt,
      webhook_url: options.webhookUrl ?? null,
    });
  }

  let saveTimer: NodeJS.Timeout | null = null;
  function saveSoon() {
    if (!options.stateFile || saveTimer) return;
    saveTimer = setTimeout(saveNow, 50);
    saveTimer.unref?.();
  }
  function saveNow() {
    saveTimer = null;
    if (!options.stateFile) return;
    const state: PersistedState = {
      version: 1,
      apiKey,
      privateKeyPem: webhooks.privateKeyPem(),
      offsetMs,
      orders: [...store.orders.values()],
      documents: [...store.documents.values()],
    };
    ensurePrivateDir(path.dirname(options.stateFile));
    // Unique per writer: two processes on one data folder (test workers) must not rename each other's file.
    const tmp = `${options.stateFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    // The file holds the webhook signing key: this user only.
    writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
    tighten(tmp, 0o600);
    renameSync(tmp, options.stateFile);
  }

  function tick() {
    const before = JSON.stringify([...store.orders.values()].map((o) => [o.status, o.updatedAt, o.messagingStatus, o.activationStatus]));
    store.runDue(now());
    const after = JSON.stringify([...store.orders.values()].map((o) => [o.status, o.updatedAt, o.messagingStatus, o.activationStatus]));
    if (before !== after) saveSoon();
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      logFailure('carrier-sandbox: request failed', error);
      if (!res.headersSent) send(res, 500, { errors: [{ code: '10007', title: 'Unexpected error', detail: 'The sandbox failed to answer' }] });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (down) {
      // retry-after-ms: the SDK's retries come back quickly in tests.
      send(res, 503, { errors: [{ code: '10038', title: 'Service unavailable', detail: 'The carrier is down for maintenance', meta: { retryable: true } }] }, { 'retry-after-ms': '20' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      send(res, 401, { errors: [{ code: '10009', title: 'Authentication failed', detail: 'The API key is missing or not valid' }] });
      return;
    }
    const raw = await readBody(req);
    try {
      const answer = route(req.method ?? 'GET', url, req.headers['content-type'] ?? '', raw);
      tick();
      saveSoon();
      send(res, answer.status, answer.body);
    } catch (error) {
      if (!(error instanceof SandboxRefusal)) throw error;
      send(res, error.status, { errors: [{ code: error.code, title: error.title, detail: error.message, meta: { retryable: false } }] });
    }
  }

  function route(method: string, url: URL, contentType: string, raw: Buffer): { status: number; body: unknown } {
    const p = url.pathname.replace(/^\/v2/, '').replace(/\/$/, '');
    const q = url.searchParams;
    const t = now();
    store.runDue(t);
    let m: RegExpExecArray | null;

    if (method === 'POST' && p === '/portability_checks') {
      const { phone_numbers = [] } = json<Telnyx.PortabilityCheckRunParams>(raw);
      const body: Telnyx.PortabilityCheckRunResponse = {
        data: phone_numbers.map((n) => {
          const v = checkNumber(n);
          return { phone_number: n, portable: v.portable, not_portable_reason: v.notPortableReason, fast_portable: v.fastPortable, record_type: 'portability_check_result' };
        }),
      };
      return { status: 200, body };
    }
    if (method === 'GET' && (m = /^\/number_lookup\/([^/]+)$/.exec(p))) {
      const number = decodeURIComponent(m[1]);
      const kind = numberKind(number);
      if (!kind.valid) throw new SandboxRefusal(422, '10015', 'Invalid phone number', `${number} is not a valid +E.164 number`);
      const carrier = currentCarrier(number)!;
      const body: Telnyx.NumberLookupRetrieveResponse = {
        data: {
          carrier: { name: carrier, normalized_carrier: carrier, type: kind.type === 'toll_free' ? 'toll free' : 'fixed line', error_code: null },
          country_code: kind.country,
          national_format: `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`,
          phone_number: number,
          portability: { spid_carrier_name: carrier, spid_carrier_type: kind.type === 'toll_free' ? 'toll free' : 'clec', ported_status: 'N', city: '', state: '' },
          record_type: 'number_lookup',
        },
      };
      return { status: 200, body };
    }
    if (method === 'POST' && p === '/documents') {
      const doc = parseDocument(contentType, raw);
      const stored: StoredDocument = { id: crypto.randomUUID(), createdAt: t, ...doc };
      store.documents.set(stored.id, stored);
      const body: Telnyx.DocumentUploadResponse = { data: store.documentToApi(stored) };
      return { status: 200, body };
    }
    if (method === 'GET' && p === '/porting_orders') {
      const reference = q.get('filter[customer_reference]');
      const includeNumbers = q.get('include_phone_numbers') === 'true';
      const pageSize = Math.min(250, Number(q.get('page[size]') ?? 20) || 20);
      const pageNumber = Math.max(1, Number(q.get('page[number]') ?? 1) || 1);
      const all = [...store.orders.values()].filter((o) => !reference || o.customerReference === reference).sort((a, b) => b.createdAt - a.createdAt);
      const body: Telnyx.DefaultFlatPaginationResponse<Telnyx.PortingOrder> = {
        data: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((o) => store.toApi(o, includeNumbers)),
        meta: pageMeta(pageNumber, pageSize, all.length),
      };
      return { status: 200, body };
    }
    if (method === 'POST' && p === '/porting_orders') {
      const params = json<Telnyx.PortingOrderCreateParams>(raw);
      if (!Array.isArray(params.phone_numbers)) throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'phone_numbers is required');
      const created = store.create(params.phone_numbers, params.customer_reference ?? null, params.customer_group_reference ?? null, t);
      const body: Telnyx.PortingOrderCreateResponse = { data: created.map((o) => store.toApi(o, true)) };
      return { status: 201, body };
    }
    if ((m = /^\/porting_orders\/([^/]+)$/.exec(p))) {
      const id = decodeURIComponent(m[1]);
      if (method === 'GET') {
        const body: Telnyx.PortingOrderRetrieveResponse = { data: store.toApi(store.get(id), q.get('include_phone_numbers') === 'true'), meta: { phone_numbers_url: `/porting_phone_numbers?filter[porting_order_id]=${id}` } };
        return { status: 200, body };
      }
      if (method === 'PATCH') {
        const order = store.update(id, json<Telnyx.PortingOrderUpdateParams>(raw), t);
        const body: Telnyx.PortingOrderUpdateResponse = { data: store.toApi(order, true), meta: { phone_numbers_url: `/porting_phone_numbers?filter[porting_order_id]=${id}` } };
        return { status: 200, body };
      }
    }
    if ((m = /^\/porting_orders\/([^/]+)\/actions\/(confirm|cancel|activate)$/.exec(p)) && method === 'POST') {
      const id = decodeURIComponent(m[1]);
      if (m[2] === 'activate') {
        const body: Telnyx.PortingOrders.ActionActivateResponse = { data: store.activate(id, t) };
        return { status: 202, body };
      }
      const order = m[2] === 'confirm' ? store.confirm(id, t) : store.cancel(id, t);
      const body: Telnyx.PortingOrders.ActionConfirmResponse & Telnyx.PortingOrders.ActionCancelResponse = { data: store.toApi(order, true) };
      return { status: 200, body };
    }
    if ((m = /^\/porting_orders\/([^/]+)\/allowed_foc_windows$/.exec(p)) && method === 'GET') {
      const order = store.get(decodeURIComponent(m[1]));
      const windows = store.focWindowsToApi(order, t);
      const body: Telnyx.PortingOrderRetrieveAllowedFocWindowsResponse = { data: windows, meta: pageMeta(1, windows.length, windows.length) };
      return { status: 200, body };
    }
    if ((m = /^\/porting_orders\/([^/]+)\/activation_jobs$/.exec(p)) && method === 'GET') {
      const jobs = store.get(decodeURIComponent(m[1])).activationJobs;
      const body: Telnyx.DefaultFlatPaginationResponse<Telnyx.PortingOrdersActivationJob> = { data: jobs, meta: pageMeta(1, jobs.length, jobs.length) };
      return { status: 200, body };
    }
    if ((m = /^\/porting_orders\/([^/]+)\/comments$/.exec(p))) {
      const order = store.get(decodeURIComponent(m[1]));
      if (method === 'POST') {
        const params = json<Telnyx.PortingOrders.CommentCreateParams>(raw);
        const comment = store.comment(order.id, params.body ?? '', 'user', t);
        const body: Telnyx.PortingOrders.CommentCreateResponse = { data: store.commentToApi(order, comment) };
        return { status: 201, body };
      }
      if (method === 'GET') {
        const comments = order.comments.map((c) => store.commentToApi(order, c));
        const body: Telnyx.DefaultFlatPaginationResponse<Telnyx.PortingOrders.PortingOrdersComment> = { data: comments, meta: pageMeta(1, comments.length, comments.length) };
        return { status: 200, body };
      }
    }
    throw new SandboxRefusal(404, '10005', 'Resource not found', `The sandbox does not serve ${method} ${p}`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // The sandbox serves the process it lives in: it never keeps that process (or a test run) alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const timer = setInterval(tick, options.tickMs ?? 5_000);
  timer.unref?.();
  tick();
  if (!saved) saveSoon();

  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    apiKey,
    publicKey: webhooks.publicKey,
    now,
    advance(ms: number) {
      if (!(ms > 0)) return;
      offsetMs += ms;
      tick();
      saveSoon();
    },
    setDropWebhooks: (drop) => webhooks.setDropping(drop),
    flushWebhooks: () => webhooks.flush(),
    setDown(value: boolean) {
      down = value;
    },
    orders: () =>
      [...store.orders.values()]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((o) => ({
          id: o.id,
          customerReference: o.customerReference,
          status: o.status,
          exceptions: o.exceptions.map((e) => e.code),
          numbers: [...o.numbers],
          focRequested: o.focRequested,
          focConfirmed: o.focActual === null ? null : new Date(o.focActual).toISOString(),
          fastPortEligible: o.fastPortEligible,
          activationStatus: o.activationStatus,
          messagingStatus: o.messagingStatus,
          updatedAt: new Date(o.updatedAt).toISOString(),
        })),
    signedHeaders: (body, timestamp) => webhooks.signedHeaders(body, timestamp),
    addCarrierComment(orderId, body) {
      store.comment(orderId, body, 'admin', now());
      saveSoon();
    },
    async close() {
      clearInterval(timer);
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveNow();
      }
      webhooks.close();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The API's list meta (page_size and total_results beside what the SDK reads). */
function pageMeta(pageNumber: number, pageSize: number, total: number): Telnyx.DefaultFlatPaginationResponse.Meta {
  const meta = { page_number: pageNumber, total_pages: Math.max(1, Math.ceil(total / Math.max(1, pageSize))), page_size: pageSize, total_results: total };
  return meta;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SandboxRefusal(413, '10015', 'Payload too large', 'The body is larger than 25 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function json<T>(raw: Buffer): T {
  if (!raw.length) return {} as T;
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch {
    throw new SandboxRefusal(400, '10015', 'Invalid JSON', 'The request body is not valid JSON');
  }
}

/** A document upload: the SDK's JSON (base64 `file`), or multipart/form-data with a `file` part. */
function parseDocument(contentType: string, raw: Buffer): Omit<StoredDocument, 'id' | 'createdAt'> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (/^multipart\/form-data/i.test(contentType) && boundary) {
    const fields = new Map<string, { filename?: string; type?: string; data: Buffer }>();
    const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
    let at = raw.indexOf(marker);
    while (at !== -1) {
      const next = raw.indexOf(marker, at + marker.length);
      if (next === -1) break;
      const part = raw.subarray(at + marker.length + 2, next - 2);
      const split = part.indexOf('\r\n\r\n');
      const head = part.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/.exec(head)?.[1];
      if (name) fields.set(name, { filename: /filename="([^"]*)"/.exec(head)?.[1], type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1], data: part.subarray(split + 4) });
      at = next;
    }
    const file = fields.get('file');
    if (!file?.data.length) throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'file is required');
    return {
      filename: fields.get('filename')?.data.toString('utf8') || file.filename || 'document',
      size: file.data.length,
      contentType: file.type ?? 'application/octet-stream',
      customerReference: fields.get('customer_reference')?.data.toString('utf8') ?? null,
    };
  }
  const doc = json<Telnyx.DocumentUploadParams.Document>(raw);
  if (!doc.file && !doc.url) throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'file or url is required');
  const bytes = doc.file ? Buffer.from(doc.file, 'base64') : Buffer.alloc(0);
  if (doc.file && !bytes.length) throw new SandboxRefusal(422, '10015', 'Invalid parameter', 'file must be base64-encoded content');
  const filename = doc.filename ?? 'document';
  return { filename, size: bytes.length, contentType: filename.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream', customerReference: doc.customer_reference ?? null };
}
