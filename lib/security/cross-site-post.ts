// Refuses a state-changing request that a browser sent from another site. Next checks a server
// action's Origin against the Host header, which a script can set to anything; this compares it
// with APP_URL instead, and covers every POST (route handlers too). A request without Origin or
// Sec-Fetch-Site is not from a browser form on another site (browsers send both on cross-site
// posts), so it is left to the action's own checks. No server-only import: proxy.ts runs it.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSitePost(request: { method: string; headers: Headers }, appUrl: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(appUrl).origin) return true;
  const site = request.headers.get('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site';
}
