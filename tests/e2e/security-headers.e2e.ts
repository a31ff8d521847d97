import { readdirSync } from 'node:fs';
import { appRoutes } from './helpers/app-routes';
import { baseUrl } from './helpers/browser';

// Every page and route handler of the app (ids filled with a well-formed one that names nothing),
// the 404 page and a static file, fetched without a session: pages, redirects, 404s and files alike.
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const paths = [
  ...appRoutes().map((r) => r.pattern.replace('[...nextauth]', 'csrf').replace(/\[kind\]/, 'proof').replace(/\[[^\]]+\]/g, ANY_ID)),
  '/no-such-page',
];
const staticFile = `/_next/static/chunks/${readdirSync('.next/static/chunks').find((f) => f.endsWith('.js'))}`;
afterAll(() => console.log(`security headers: ${paths.length} paths with the full set, plus a static file`));

test.each(paths)('%s carries the security headers, with a fresh nonce each time', async (path) => {
  const first = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  const second = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  const csp = first.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  // The one response our own pages frame (a proof PDF on the team's request page), by our origin only.
  const framable = /^\/staff\/requests\/[^/]+\/proof\/[^/]+$/.test(path);
  expect(csp).toContain(framable ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
  expect(first.headers.get('x-frame-options')).toBe(framable ? 'SAMEORIGIN' : 'DENY');
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

test('static files carry the headers that apply to them', async () => {
  const response = await fetch(`${baseUrl}${staticFile}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-powered-by')).toBeNull();
});
