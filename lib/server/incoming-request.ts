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

/** `::ffff:127.0.0.1` is 127.0.0.1, `1.2.3.4:5678` is 1.2.3.4, `[::1]:80` is ::1: one spelling per address. */
export function canonicalAddress(address: string | undefined): string {
  const trimmed = (address ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(trimmed);
  const value = bracketed ? bracketed[1] : withPort ? withPort[1] : trimmed;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const plain = mapped ? mapped[1] : value;
  return isIP(plain) ? plain.toLowerCase() : 'unknown';
}

export function isLoopbackAddress(address: string): boolean {
  const value = canonicalAddress(address);
  return value === '::1' || /^127\.\d+\.\d+\.\d+$/.test(value);
}

export type ProxyTrust = { trustedProxyHops: number; isTrustedProxy: (address: string) => boolean };

/**
 * The client's address: with no trusted proxy, the socket's peer. With n proxies, read
 * [...X-Forwarded-For, peer] from the right: each of the n nearest hops must be one of our proxies
 * (the first that is not is the client: someone reaching the app directly speaks only for itself);
 * past them, the next entry is the client. Entries further left were written by the client and
 * prove nothing; a chain too short for the proxies it should have crossed proves nothing either.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: ProxyTrust): string {
  const chain = [...(forwardedFor ?? '').split(',').map((a) => a.trim()).filter(Boolean), peer ?? ''].map(canonicalAddress);
  for (let hop = 0; hop < trust.trustedProxyHops; hop++) {
    const address = chain[chain.length - 1 - hop];
    if (address === undefined) return 'unknown';
    if (!trust.isTrustedProxy(address)) return address;
  }
  return chain[chain.length - 1 - trust.trustedProxyHops] ?? 'unknown';
}

export type IncomingSettings = ProxyTrust & { appUrl: string };

/** Rewrites `headers` in place (Node's IncomingMessage headers object). */
export function normalizeIncomingHeaders(headers: IncomingHttpHeaders, peer: string | undefined, settings: IncomingSettings): void {
  const forwardedFor = [headers['x-forwarded-for']].flat().filter(Boolean).join(', ');
  for (const name of Object.keys(headers)) {
    if (name.startsWith(INTERNAL_PREFIX)) delete headers[name];
  }
  const app = new URL(settings.appUrl);
  const client = resolveClientAddress(peer, forwardedFor, settings);
  headers.host = app.host;
  headers['x-forwarded-host'] = app.host;
  headers['x-forwarded-proto'] = app.protocol.replace(':', '');
  headers['x-forwarded-for'] = client;
  delete headers['x-forwarded-port'];
  delete headers.forwarded;
  delete headers['x-real-ip'];
  headers[CLIENT_ADDRESS_HEADER] = client;
  headers[PEER_ADDRESS_HEADER] = canonicalAddress(peer);
  // Kept as received, for the record (the LOA certificate shows it beside the address believed),
  // reduced to what addresses are made of and to a length a certificate line can hold.
  if (forwardedFor) headers[FORWARDED_CHAIN_HEADER] = forwardedFor.replace(/[^0-9A-Za-z:.,\[\] ]/g, '?').slice(0, 200);
}
