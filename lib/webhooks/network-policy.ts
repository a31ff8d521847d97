import 'server-only';
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { getEnv } from '@/lib/config/env';

// Where webhooks may be posted (SSRF). In production only to public unicast addresses: never
// private, loopback, link-local (169.254.169.254, the cloud metadata service), unique-local
// (fd00:ec2::254), carrier-grade NAT, multicast, unspecified or reserved ones. The address is
// judged by ipaddr.js's range(), the same rule request-filtering-agent applies ("unicast" or
// refused), checked at registration (the form says why) and again at connect time for every
// delivery, on the address actually connected to (DNS can change between the two). Local mode
// (a localhost APP_URL) posts anywhere, plain http included, so a developer can receive on 127.0.0.1.

/** Local mode: loopback, private addresses and plain http allowed. */
export function webhooksMayUseLocalAddresses(): boolean {
  return getEnv().isLocal;
}

/** A public unicast address (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === 'ipv6') {
    // ipaddr.js calls anything it has no range for "unicast", IPv4-compatible ::a.b.c.d (::7f00:1,
    // ::a9fe:a9fe) and unallocated space included: only global unicast (2000::/3) is public.
    const v6 = parsed as ipaddr.IPv6;
    if (!v6.match(GLOBAL_UNICAST_V6)) return false;
  }
  return parsed.range() === 'unicast';
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];

/** The host of a URL as a socket sees it: IPv6 literals without their brackets. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export class RefusedAddressError extends Error {
  constructor(host: string, address: string) {
    super(host === address ? `${address} is not a public address` : `${host} resolves to ${address}, which is not a public address`);
    this.name = 'RefusedAddressError';
  }
}

/**
 * Why a URL may not receive webhooks in production, or null: resolves the host (every address it
 * has) and refuses any that is not public. For registration; delivery checks again at connect time.
 */
export async function refusedAddressOf(url: URL): Promise<string | null> {
  const host = urlHost(url);
  if (net.isIP(host)) return isPublicAddress(host) ? null : new RefusedAddressError(host, host).message;
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
  } catch {
    return `${host} could not be resolved`;
  }
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  return bad ? new RefusedAddressError(host, bad.address).message : addresses.length ? null : `${host} could not be resolved`;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses non-public addresses: the check happens on the
 * addresses the socket is about to connect to. (A literal IP in the URL skips lookup: the caller
 * checks it with isPublicAddress before connecting.)
 */
export function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, verbatim: true }, (error, address, family) => {
    if (error) return callback(error, address as string, family);
    const list = Array.isArray(address) ? (address as dns.LookupAddress[]) : [{ address: address as string, family: family ?? 0 }];
    const bad = list.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(Object.assign(new RefusedAddressError(hostname, bad.address), { code: 'EREFUSEDADDRESS' }), address as string, family);
    callback(null, address as string, family);
  });
}
