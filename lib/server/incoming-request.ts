// What the HTTP server (scripts/server.ts) does to every request before Next sees it: the host and
// scheme become APP_URL's, whatever the client wrote, and the client's address is worked out once,
// from the socket, past the configured proxies only. The app reads the result from internal
// headers that no client can set (any incoming x-port-* header is dropped first).
// No server-only import: the server script loads it outside Next.
import { isIP } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

export const CLIENT_ADDRESS_HEADER = 'x-port-client-address';
export const PEER_ADDRESS_HEADER = 'x-port-peer-address';
export const FORWARDED_CHAIN_HEADER = 'x-port-forwarded-for';
const INTERNAL_PREFIX = 'x-port-';

/** `::ffff:127.0.0.1` is 127.0.0.1: one spelling per address. */
export function canonicalAddress(address: string | undefined): string {
  const value = (address ?? '').trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const plain = mapped ? mapped[1] : value;
  return isIP(plain) ? plain.toLowerCase() : 'unknown';
}

export function isLoopbackAddress(address: string): boolean {
  const value = canonicalAddress(address);
  return value === '::1' || /^127\.\d+\.\d+\.\d+$/.test(value);
}

/**
 * The client's address: with no trusted proxy, the socket's peer. With n trusted proxies, each of
 * which appends the address it saw, the entry n places from the right of [...X-Forwarded-For, peer];
 * entries further left were written by the client and prove nothing.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedProxyHops: number): string {
  const chain = [...(forwardedFor ?? '').split(',').map((a) => a.trim()).filter(Boolean), peer ?? ''];
  const index = Math.max(0, chain.length - 1 - trustedProxyHops);
  return canonicalAddress(chain[index]);
}

export type IncomingSettings = { appUrl: string; trustedProxyHops: number };

/** Rewrites `headers` in place (Node's IncomingMessage headers object). */
export function normalizeIncomingHeaders(headers: IncomingHttpHeaders, peer: string | undefined, settings: IncomingSettings): void {
  const forwardedFor = [headers['x-forwarded-for']].flat().filter(Boolean).join(', ');
  for (const name of Object.keys(headers)) {
    if (name.startsWith(INTERNAL_PREFIX)) delete headers[name];
  }
  const app = new URL(settings.appUrl);
  const client = resolveClientAddress(peer, forwardedFor, settings.trustedProxyHops);
  headers.host = app.host;
  headers['x-forwarded-host'] = app.host;
  headers['x-forwarded-proto'] = app.protocol.replace(':', '');
  headers['x-forwarded-for'] = client;
  delete headers['x-forwarded-port'];
  delete headers.forwarded;
  delete headers['x-real-ip'];
  headers[CLIENT_ADDRESS_HEADER] = client;
  headers[PEER_ADDRESS_HEADER] = canonicalAddress(peer);
  // Kept as received, for the record (the LOA certificate shows it beside the address believed).
  if (forwardedFor) headers[FORWARDED_CHAIN_HEADER] = forwardedFor.slice(0, 512);
}
