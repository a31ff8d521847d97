import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@/db/client';
import type { Env } from '@/lib/config/env';
import { getEnv } from '@/lib/config/env';
import { createWebhookEndpoint } from '@/lib/webhooks/create-endpoint';
import type { Actor } from '@/lib/auth/actor';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks/webhook-events';

export type Received = { headers: Record<string, string>; body: string; json: { id: string; type: string; data: Record<string, unknown> & { portRequest: { id: string; status: string; accountId: string } } } };

/**
 * A webhook receiver on 127.0.0.1 for one test: keeps every message, answers with what `answer`
 * says (200 unless told otherwise), after `delayMs` if set (a slow endpoint).
 */
export async function startReceiver(defer: (fn: () => unknown) => void, options: { answer?: (message: Received, index: number) => number; delayMs?: number } = {}) {
  const received: Received[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const message: Received = { headers, body, json: JSON.parse(body) };
      const index = received.push(message) - 1;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      inFlight -= 1;
      res.statusCode = options.answer?.(message, index) ?? 200;
      res.end(res.statusCode < 300 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** An endpoint (created through the service, in local mode) and its secret. */
export async function endpointFor(db: Database, actor: Actor, accountId: string, url: string, eventTypes: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES) {
  return createWebhookEndpoint(db, actor, accountId, { url, eventTypes: [...eventTypes] });
}

/** Runs the rest of the test as production (APP_URL not localhost): webhooks only to public addresses over HTTPS. */
export function productionMode(defer: (fn: () => unknown) => void) {
  const cache = globalThis as unknown as { __portEnv?: Env };
  const env = getEnv();
  cache.__portEnv = { ...env, isLocal: false, appUrl: 'https://ports.example.com' };
  defer(() => {
    cache.__portEnv = env;
  });
}
