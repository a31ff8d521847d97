/**
 * @jest-environment node
 */
// The front door's request log (lib/ops/track-request.ts) on a real HTTP server: one JSON line per
// request with our id (also the X-Request-Id answer header), the route pattern, status, duration and
// the actor the app noted; never the path as sent, its query, or a personal field.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { logFailure } from '@/lib/log';
import { routeConsoleToLogger } from '@/lib/ops/console-to-log';
import { createLogger, setLogger } from '@/lib/ops/logger';
import { getMetrics } from '@/lib/ops/metrics';
import { noteRequestActor, REQUEST_ID_HEADER } from '@/lib/ops/request-actor';
import { runInRequest } from '@/lib/ops/request-context';
import { routeMatcher } from '@/lib/ops/route-label';
import { trackRequest } from '@/lib/ops/track-request';
import { normalizeIncomingHeaders } from '@/lib/server/incoming-request';

let written = '';
const lines = () => written.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
let server: Server;
let base = '';
const routeOf = routeMatcher(['/', '/sign-in', '/sign/[token]', '/numbers/port', '/numbers/port/[id]', '/numbers/port/api', '/api/v1/[...path]']);

beforeAll(async () => {
  setLogger(createLogger(new Writable({ write: (chunk, _e, done) => ((written += chunk.toString()), done()) }), 'info'));
  server = createServer((req, res) => {
    normalizeIncomingHeaders(req.headers, req.socket.remoteAddress, { appUrl: 'http://localhost:3000', trustedProxyHops: 0, isTrustedProxy: () => false });
    trackRequest(req, res, routeOf);
    // The app's part: the session lookup notes who the actor is against the internal header.
    if (req.url?.startsWith('/numbers/port')) noteRequestActor(req.headers[REQUEST_ID_HEADER] as string, { actorId: 'user-123' });
    res.statusCode = req.url === '/boom' ? 500 : 200;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setLogger(undefined);
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  written = '';
});

async function lineFor(response: Response) {
  const id = response.headers.get('x-request-id');
  for (let i = 0; i < 20 && !lines().some((l) => l.requestId === id); i++) await new Promise((r) => setTimeout(r, 10));
  return lines().find((l) => l.requestId === id)!;
}

test('one line per request: our id (as the answer header), the route pattern, status, duration and actor', async () => {
  const response = await fetch(`${base}/numbers/port/5b0e0d4a-2f0f-4e57-9d59-1e0c9f7e7a11?q=owner%40summit.example`);
  const line = await lineFor(response);
  expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/numbers/port/[id]', status: 200, actorId: 'user-123' });
  expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof line.durationMs).toBe('number');
  expect(written).not.toContain('5b0e0d4a');
  expect(written).not.toContain('summit');
});

test('a token in the path or query, a made-up path, a client\'s id of its own or an internal header it forged never reach the line', async () => {
  const token = 'Zq3VxN0bTf8sK1mW4yR7aH2cJ5dL9pE6gU0iO3nB8vX';
  await lineFor(await fetch(`${base}/sign/${token}?token=${token}`, { headers: { 'x-request-id': `secret ${token}`, [REQUEST_ID_HEADER]: 'forged' } }));
  const missing = await lineFor(await fetch(`${base}/wp-admin/${token}.php`));
  expect(lines().map((l) => l.route)).toEqual(['/sign/[token]', 'unmatched']);
  expect(missing.status).toBe(200);
  expect(written).not.toContain(token);
  expect(written).not.toContain('forged');
  expect(written).not.toContain('clientRequestId');
});

test('a 5xx is logged as an error, and each request is one sample of the duration histogram', async () => {
  const before = (await getMetrics().httpRequestDuration.get()).values.find((v) => v.metricName === 'http_request_duration_seconds_count' && v.labels.route === 'unmatched' && v.labels.status === '500')?.value ?? 0;
  const line = await lineFor(await fetch(`${base}/boom`));
  expect(line).toMatchObject({ level: 'error', status: 500 });
  const after = (await getMetrics().httpRequestDuration.get()).values.find((v) => v.metricName === 'http_request_duration_seconds_count' && v.labels.route === 'unmatched' && v.labels.status === '500')?.value;
  expect(after).toBe(before + 1);
});

test('personal fields that slip into a line are redacted; a failure keeps only its kind and the driver\'s message', () => {
  const logger = createLogger(new Writable({ write: (chunk, _e, done) => ((written += chunk.toString()), done()) }), 'info');
  logger.info({ pin: '2468', token: 'abc', customer: { email: 'owner@summit.example', serviceAddress: { street: '100 Light St' } }, headers: { cookie: 'x' } }, 'slipped');
  expect(lines()[0]).toMatchObject({ pin: '[redacted]', token: '[redacted]', customer: { email: '[redacted]', serviceAddress: '[redacted]' }, headers: '[redacted]' });
  written = '';
  logFailure('action', new Error('Failed query: insert into port_requests values ($1)\nparams: 2468,100 Light St', { cause: new Error('connection refused') }));
  expect(lines()[0]).toMatchObject({ level: 'error', context: 'action', error: 'Error: query failed: connection refused' });
  expect(written).not.toContain('2468');
});

test('what Next and libraries print with console.* becomes JSON lines, errors reduced the same way', () => {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  try {
    routeConsoleToLogger();
    console.log('✓ Ready in %dms', 12);
    console.error(new Error('Failed query: select * from users where email = $1\nparams: owner@summit.example'));
    expect(lines()).toMatchObject([
      { level: 'info', context: 'console', msg: '✓ Ready in 12ms' },
      { level: 'error', context: 'console', msg: 'Error: query failed: database error' },
    ]);
    expect(written).not.toContain('summit');
  } finally {
    Object.assign(console, saved);
    process.removeAllListeners('warning');
  }
});

test('a line written while serving a request names it, however deep in the work it was written', async () => {
  await runInRequest('7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f', async () => {
    await new Promise((r) => setTimeout(r, 1));
    logFailure('carrier portability check', new Error('timeout'));
  });
  logFailure('outside any request', new Error('x'));
  expect(lines()).toMatchObject([{ requestId: '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f', context: 'carrier portability check' }, { context: 'outside any request' }]);
  expect(lines()[1].requestId).toBeUndefined();
});
