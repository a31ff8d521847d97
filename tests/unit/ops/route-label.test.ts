import path from 'node:path';
import { appRoutePatterns, pathOf, routeMatcher } from '@/lib/ops/route-label';

const routeOf = routeMatcher(appRoutePatterns(path.join(process.cwd(), 'app')));

test.each([
  ['/', '/'],
  ['/numbers/port', '/numbers/port'],
  ['/numbers/port/', '/numbers/port'],
  ['/numbers/port/api', '/numbers/port/api'],
  ['/numbers/port/api/webhooks', '/numbers/port/api/webhooks'],
  ['/numbers/port/5b0e0d4a-2f0f-4e57-9d59-1e0c9f7e7a11', '/numbers/port/[id]'],
  ['/numbers/port/5b0e0d4a-2f0f-4e57-9d59-1e0c9f7e7a11/files/loa/7f1c0d4a-2f0f-4e57-9d59-1e0c9f7e7a11', '/numbers/port/[id]/files/[kind]/[fileId]'],
  ['/sign/Zq3VxN0bTf8sK1mW4yR7aH2cJ5dL9pE6gU0iO3nB8vX', '/sign/[token]'],
  ['/api/v1/port-requests/5b0e0d4a/events', '/api/v1/[...path]'],
  ['/api/v1/openapi.json', '/api/v1/openapi.json'],
  ['/staff/requests/abc', '/staff/requests/[id]'],
  ['/healthz', '/healthz'],
  ['/_next/static/chunks/app-1234.js', '/_next/static'],
  ['/wp-login.php', 'unmatched'],
  ['/numbers/port/abc/not-a-step', 'unmatched'],
])('%s is counted and logged as %s', (pathname, route) => {
  expect(routeOf(pathname)).toBe(route);
});

test('the query and fragment never count as the path', () => {
  expect(pathOf('/sign-in/confirm?token=abc&email=a%40b.c')).toBe('/sign-in/confirm');
  expect(pathOf('/x#frag')).toBe('/x');
  expect(pathOf(undefined)).toBe('/');
});
