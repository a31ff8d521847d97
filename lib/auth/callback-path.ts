import 'server-only';
import { getEnv } from '@/lib/config/env';

/**
 * Where to go after a form (signing in, switching account): a path on this site, or `fallback`.
 * Anything else (another host, a protocol-relative `//x`, a backslash trick, control characters, a
 * malformed value) is ignored rather than refused, so a bad link still signs the user in.
 */
export function safeCallbackPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 512 || !value.startsWith('/') || /[\\\p{Cc}]/u.test(value) || value.startsWith('//')) {
    return fallback;
  }
  try {
    const base = new URL(getEnv().appUrl);
    const url = new URL(value, base);
    // Judged after normalising: "/.//x" and "/a/..//x" become "//x", which a browser reads as a host.
    if (url.origin !== base.origin || url.pathname.startsWith('//') || url.pathname.startsWith('/api/')) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}

/** Auth.js's redirect callback: only this site, whatever URL a request carried. */
export function sameSiteRedirect(url: string): string {
  const base = new URL(getEnv().appUrl);
  try {
    const target = new URL(url, base);
    return target.origin === base.origin ? `${base.origin}${safeCallbackPath(`${target.pathname}${target.search}`)}` : base.origin;
  } catch {
    return base.origin;
  }
}
