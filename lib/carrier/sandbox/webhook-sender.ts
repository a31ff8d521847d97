// The carrier sandbox's webhooks, sent as Telnyx sends them: the event envelope
// {data: {event_type, id, occurred_at, payload, record_type: 'event'}, meta: {attempt, delivered_to}},
// signed Ed25519 over `${telnyx-timestamp}|${body}`. Always after the API call that caused them
// (the app may hold a database transaction around that call), retried a few times on failure.
import { describeError } from '../../log';
import { getLogger } from '../../ops/logger';
import { generateKeyPairSync, createPrivateKey, createPublicKey, sign, randomUUID, type KeyObject } from 'node:crypto';

export type WebhookReceiver = (rawBody: string, headers: Record<string, string>) => Promise<void>;

type Queued = { id: string; eventType: string; occurredAt: string; payload: Record<string, unknown>; attempt: number };

export class WebhookSender {
  private queue: Queued[] = [];
  private running: Promise<void> | null = null;
  private dropping = false;
  private closed = false;
  readonly privateKey: KeyObject;
  /** Base64 of the raw 32-byte Ed25519 public key: what Mission Control shows and the SDK takes. */
  readonly publicKey: string;

  constructor(
    private readonly deliver: { url?: string; receiver?: WebhookReceiver },
    privateKeyPem?: string,
    private readonly retryDelaysMs: number[] = [1_000, 5_000, 15_000],
  ) {
    this.privateKey = privateKeyPem ? createPrivateKey(privateKeyPem) : generateKeyPairSync('ed25519').privateKey;
    const spki = createPublicKey(this.privateKey).export({ type: 'spki', format: 'der' });
    this.publicKey = spki.subarray(spki.length - 32).toString('base64');
  }

  privateKeyPem(): string {
    return this.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  /** Headers Telnyx would send with this body now (REAL time: the SDK allows five minutes). */
  signedHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const signature = sign(null, Buffer.from(`${timestamp}|${body}`), this.privateKey).toString('base64');
    return { 'content-type': 'application/json', 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': String(timestamp) };
  }

  setDropping(drop: boolean) {
    this.dropping = drop;
  }

  enqueue(eventType: string, occurredAt: string, payload: Record<string, unknown>) {
    if (this.dropping || this.closed) return;
    this.queue.push({ id: randomUUID(), eventType, occurredAt, payload, attempt: 1 });
    // Never while the API call that caused it is being answered.
    setTimeout(() => void this.run(), 0).unref?.();
  }

  /** Resolves when everything queued so far was delivered (or given up on). */
  async flush(): Promise<void> {
    while (this.queue.length || this.running) await this.run();
  }

  close() {
    this.closed = true;
    this.queue = [];
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    if (!this.queue.length) return Promise.resolve();
    this.running = (async () => {
      // Start on the next turn: `running` is set before the loop can clear it.
      await Promise.resolve();
      try {
        while (this.queue.length && !this.closed) {
          const next = this.queue[0];
          const ok = await this.send(next);
          this.queue.shift();
          if (!ok && next.attempt <= this.retryDelaysMs.length) {
            const delay = this.retryDelaysMs[next.attempt - 1];
            next.attempt += 1;
            // unref: a retry waiting never keeps the process (or a test run) alive.
            await new Promise((r) => setTimeout(r, delay).unref?.());
            if (!this.closed) this.queue.unshift(next);
          }
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async send(event: Queued): Promise<boolean> {
    const deliveredTo = this.deliver.url ?? 'sandbox://receiver';
    const body = JSON.stringify({
      data: { event_type: event.eventType, id: event.id, occurred_at: event.occurredAt, payload: event.payload, record_type: 'event' },
      meta: { attempt: event.attempt, delivered_to: deliveredTo },
    });
    const headers = this.signedHeaders(body);
    try {
      if (this.deliver.receiver) {
        await this.deliver.receiver(body, headers);
        return true;
      }
      if (!this.deliver.url) return true;
      const response = await fetch(this.deliver.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      return response.ok;
    } catch (error) {
      getLogger().warn({ context: 'carrier-sandbox', eventType: event.eventType, attempt: event.attempt, error: describeError(error) }, 'sandbox webhook not delivered');
      return false;
    }
  }
}
