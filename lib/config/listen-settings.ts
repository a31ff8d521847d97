// The part of the configuration the HTTP server needs before Next starts (scripts/server.ts): where
// to listen and which proxies to believe. lib/config/env.ts reuses its localhost rule. No
// server-only import: the server script loads it outside Next.
import { BlockList, isIP } from 'node:net';

export type ListenSettings = {
  /** The public address, without a trailing slash: the origin of every link and the only trusted Host. */
  appUrl: string;
  port: number;
  /** Where to listen: loopback when the public address is this machine, every interface otherwise. */
  hostname: string;
  /** How many proxies in front of the app append to X-Forwarded-For; 0 means the socket's peer is the client. */
  trustedProxyHops: number;
  /** Whether a hop's address is one of our proxies; only those may speak for the client. */
  isTrustedProxy: (address: string) => boolean;
  isLocal: boolean;
};

// Where load balancers usually sit: loopback, private networks, carrier-grade NAT, unique local IPv6.
const DEFAULT_PROXY_RANGES = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '::1/128', 'fc00::/7'];

function proxyList(text: string | undefined, problems: string[]): BlockList {
  const list = new BlockList();
  const entries = text?.trim() ? text.split(',').map((e) => e.trim()).filter(Boolean) : DEFAULT_PROXY_RANGES;
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      problems.push(`TRUSTED_PROXY_ADDRESSES: "${entry}" is not an address or CIDR range (e.g. 10.0.0.0/8)`);
      continue;
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

export class ListenSettingsError extends Error {}

export function isLocalHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

/** The public address, without a trailing slash; throws on one that is not an http(s) URL. */
export function resolveAppUrl(raw: string | undefined, port: number): string {
  if (!raw?.trim()) return `http://localhost:${port}`;
  const url = new URL(raw.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  return url.origin + url.pathname.replace(/\/$/, '');
}

export function listenSettings(source: Record<string, string | undefined>): ListenSettings {
  const problems: string[] = [];
  const port = source.PORT?.trim() ? Number(source.PORT) : 3000;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push('PORT: must be a port number such as 3000');
  const hopsText = source.TRUSTED_PROXY_HOPS?.trim() ?? '';
  const trustedProxyHops = hopsText === '' ? 0 : Number(hopsText);
  if (!/^\d+$/.test(hopsText || '0') || trustedProxyHops > 10) {
    problems.push('TRUSTED_PROXY_HOPS: the number of proxies in front of the app (0 to 10; 0 when clients connect directly)');
  }
  let appUrl = `http://localhost:${port}`;
  try {
    appUrl = resolveAppUrl(source.APP_URL, port);
  } catch {
    problems.push('APP_URL: must be a full URL such as https://ports.example.com');
  }
  const proxies = proxyList(source.TRUSTED_PROXY_ADDRESSES, problems);
  if (problems.length) throw new ListenSettingsError(problems.join('\n'));
  const isLocal = isLocalHostname(new URL(appUrl).hostname);
  const isTrustedProxy = (address: string) => {
    const family = isIP(address);
    return family !== 0 && proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return { appUrl, port, hostname: isLocal ? '127.0.0.1' : '0.0.0.0', trustedProxyHops, isTrustedProxy, isLocal };
}
