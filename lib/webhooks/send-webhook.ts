import 'server-only';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook } from 'standardwebhooks';
import { isPublicAddress, publicOnlyLookup, RefusedAddressError, urlHost } from './network-policy';

/** A receiver has this long to answer (connect, headers and body). */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What of a receiver's answer is read (and kept in the log): enough for an error message. */
const MAX_RESPONSE_BYTES = 4096;

export type SendOutcome = { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null };

/**
 * The Standard Webhooks headers for one message: `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature`, one `v1,<base64>` per secret, space-separated (the current secret and,
 * during a rotation, the previous one), so a receiver on either secret verifies it.
 */
export function signedHeaders(messageId: string, body: string, secrets: string[], at: Date): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}

/**
 * POSTs one signed message. Redirects are not followed (a 3xx is a failure, like any non-2xx).
 * Unless `allowLocal`, only public addresses are connected to: the URL's literal IP is checked
 * here, a hostname's addresses at connect time (publicOnlyLookup). Never throws: the outcome says
 * what happened, for the delivery log.
 */
export async function sendWebhook(options: { url: string; messageId: string; body: string; secrets: string[]; allowLocal: boolean }): Promise<SendOutcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): SendOutcome => ({
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    statusCode,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return done(null, 'The endpoint URL is not valid.');
  }
  if (url.protocol !== 'https:' && !(options.allowLocal && url.protocol === 'http:')) return done(null, `${url.protocol} URLs are not allowed`);
  const host = urlHost(url);
  if (!options.allowLocal && net.isIP(host) && !isPublicAddress(host)) return done(null, `Refused: ${new RefusedAddressError(host, host).message}`);

  const headers = {
    ...signedHeaders(options.messageId, options.body, options.secrets, new Date()),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(options.body)),
    'user-agent': 'PortNumbers-Webhooks/1.0',
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers,
        // A fresh connection each time, so every delivery's address is looked up and checked.
        agent: false,
        lookup: options.allowLocal ? undefined : publicOnlyLookup,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          const text = Buffer.concat(chunks).toString('utf8').slice(0, 300).replace(/[\p{Cc}]+/gu, ' ').trim();
          resolve(done(status, ok ? null : `HTTP ${status}${text ? `: ${text}` : ''}`));
        });
        response.on('error', (error) => resolve(done(response.statusCode ?? null, describe(error))));
      },
    );
    request.on('error', (error) => resolve(done(null, describe(error))));
    request.end(options.body);
  });
}

function describe(error: Error): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  if (error instanceof RefusedAddressError) return `Refused: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
