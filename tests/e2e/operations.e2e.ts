/**
 * Issue 16, operations: the load balancer's probes, the request log line (our request id, the route
 * pattern, the actor) and the metrics scrape, on the built app through its front door. /readyz
 * going 503 when the database connection is cut: tests/integration/ops/readiness.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, newContext, signIn } from './helpers/browser';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type LogLine = Record<string, unknown>;

/** The server's log line for request `id`, once written (the front door writes it as the answer ends). */
async function logLineOf(id: string): Promise<LogLine> {
  for (let i = 0; i < 40; i++) {
    const lines = readFileSync(process.env.E2E_SERVER_LOG!, 'utf8').split('\n').filter(Boolean);
    const found = lines.map((l) => JSON.parse(l) as LogLine).find((l) => l.requestId === id);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no log line for request ${id}`);
}

async function metricValue(series: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test('/healthz answers 200 without touching anything; /readyz names each part up', async () => {
  const health = await fetch(`${baseUrl}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${baseUrl}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: { database: 'up', migrations: 'up', storage: 'up', outbox: 'up', jobs: 'up', webhooks: 'up' },
  });
  expect(ready.headers.get('cache-control')).toBe('no-store');
});

test('each answer carries a request id of ours, and its log line says the route pattern, status and duration, never the path sent', async () => {
  const theirs = '0b8e6a52-7d0f-4c1e-9a57-3f2d1c0b9a88';
  const response = await fetch(`${baseUrl}/sign/not-a-real-token-but-secret-looking-0123456789?token=abcdef`, {
    headers: { 'X-Request-Id': theirs, 'X-Port-Request-Id': 'forged-by-the-client' },
  });
  expect(response.status).toBe(200);
  const id = response.headers.get('x-request-id')!;
  expect(id).toMatch(UUID);
  expect(id).not.toBe(theirs);
  const line = await logLineOf(id);
  expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/sign/[token]', status: 200, clientRequestId: theirs });
  expect(typeof line.durationMs).toBe('number');
  expect(line.actorId).toBeUndefined();
  const text = JSON.stringify(line);
  for (const sent of ['not-a-real-token', 'abcdef', 'forged-by-the-client']) expect(text).not.toContain(sent);

  // A caller's id that is not plainly an id is not written into our log at all.
  const odd = await fetch(`${baseUrl}/sign-in`, { headers: { 'X-Request-Id': 'owner@summit.example' } });
  const oddLine = await logLineOf(odd.headers.get('x-request-id')!);
  expect(oddLine).toMatchObject({ route: '/sign-in', status: 200 });
  expect(oddLine.clientRequestId).toBeUndefined();
  expect(JSON.stringify(oddLine)).not.toContain('summit.example');

  // Two requests never share an id, and a made-up path is counted as one "unmatched" route.
  const missing = await fetch(`${baseUrl}/no-such-page/0000-1111`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('x-request-id')).not.toBe(id);
  expect(await logLineOf(missing.headers.get('x-request-id')!)).toMatchObject({ route: 'unmatched', status: 404 });
});

describe('signed in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  test('the log line of a signed-in request names the actor by id, and the email that signed in is sent and counted', async () => {
    const sentBefore = await metricValue('email_sends_total{outcome="sent"}');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'dental@summit.example');
    const response = await page.goto('/numbers/port');
    const line = await logLineOf((await response!.headerValue('x-request-id'))!);
    expect(line).toMatchObject({ route: '/numbers/port', status: 200 });
    expect(line.actorId).toEqual(expect.any(String));
    expect(String(line.actorId)).not.toContain('@');
    // The front door's count and the app's are in one registry: the sign-in email (sent by the
    // outbox worker inside Next) shows in the same scrape as the front door's request durations.
    expect(await metricValue('email_sends_total{outcome="sent"}')).toBeGreaterThan(sentBefore);
    await context.close();
  });
});

test('/metrics: request durations by route from the front door add up exactly, beside the app\'s own gauges', async () => {
  const series = 'http_request_duration_seconds_count{route="/healthz",method="GET",status="200"}';
  const before = await metricValue(series);
  for (let i = 0; i < 3; i++) expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  // The front door counts a request once its answer has gone out, a moment after the client has it:
  // asked again until the three are in (or a second has passed), then exactly three, never more.
  let after = await metricValue(series);
  for (let tries = 0; after < before + 3 && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = await metricValue(series);
  }
  expect(after).toBe(before + 3);
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  for (const name of ['outbox_emails_pending', 'outbox_oldest_pending_age_seconds', 'jobs_lag_seconds', 'process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds']) {
    expect(text).toMatch(new RegExp(`^${name} \\d`, 'm'));
  }
  // One registry: each metric is described once, not once per copy of the module.
  expect(text.match(/^# TYPE http_request_duration_seconds histogram$/gm)).toHaveLength(1);
});

test('a failure logged deep inside the app carries the id of the request it happened in', async () => {
  // An unsigned post to the carrier's webhook door: refused, and the refusal logged.
  const response = await fetch(`${baseUrl}/api/carrier/webhooks`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
  expect(response.status).toBe(401);
  const id = response.headers.get('x-request-id')!;
  await logLineOf(id);
  const lines = readFileSync(process.env.E2E_SERVER_LOG!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);
  expect(lines.filter((l) => l.requestId === id && l.level === 'error').map((l) => l.context)).toEqual(['carrier webhook: refused, bad signature']);
});
