import { baseUrl } from './helpers/browser';

// Pages, a route handler, the 404 page and the mailbox, fetched without a session.
const paths = ['/sign-in', '/sign-in/check-email', '/numbers/port', '/staff', '/api/auth/csrf', '/no-such-page', '/dev/mailbox'];

test.each(paths)('%s carries the security headers, with a fresh nonce each time', async (path) => {
  const first = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  const second = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  const csp = first.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(first.headers.get('x-content-type-options')).toBe('nosniff');
  expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(first.headers.get('x-powered-by')).toBeNull();
  expect(second.headers.get('content-security-policy')).not.toBe(csp);
});

test('a page\'s scripts carry the nonce of its policy', async () => {
  const response = await fetch(`${baseUrl}/sign-in`);
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});
