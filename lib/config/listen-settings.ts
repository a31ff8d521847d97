// The part of the configuration the HTTP server needs before Next starts (scripts/server.ts), and
// that lib/config/env.ts reuses, so the public address and the proxy rule are read one way only.
// No server-only import: the server script loads it outside Next.

export type ListenSettings = {
  /** The public address, without a trailing slash: the origin of every link and the only trusted Host. */
  appUrl: string;
  port: number;
  /** Where to listen: loopback when the public address is this machine, every interface otherwise. */
  hostname: string;
  /** How many proxies in front of the app append to X-Forwarded-For; 0 means the socket's peer is the client. */
  trustedProxyHops: number;
  isLocal: boolean;
};

export class ListenSettingsError extends Error {}

export function isLocalHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
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
  if (source.APP_URL?.trim()) {
    try {
      const url = new URL(source.APP_URL.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      appUrl = url.origin + url.pathname.replace(/\/$/, '');
    } catch {
      problems.push('APP_URL: must be a full URL such as https://ports.example.com');
    }
  }
  if (problems.length) throw new ListenSettingsError(problems.join('\n'));
  const isLocal = isLocalHostname(new URL(appUrl).hostname);
  return { appUrl, port, hostname: isLocal ? '127.0.0.1' : '0.0.0.0', trustedProxyHops, isLocal };
}
