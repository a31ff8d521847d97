/**
 * @jest-environment node
 */
// /metrics (app/metrics/route.ts): with METRICS_TOKEN set, only its bearer gets the scrape (401
// otherwise, the comparison in constant time); without it, local mode serves this machine only and
// any other deployment has no /metrics at all (404). The scrape holds the database gauges.
import { parseEnv, type Env } from '@/lib/config/env';
import { GET } from '@/app/metrics/route';
import { outboxEmails, scheduledJobs } from '@/db/schema';
import { forgetDatabaseGauges, refreshDatabaseGauges } from '@/lib/ops/database-gauges';
import { getMetrics } from '@/lib/ops/metrics';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext({ storage: false });
const TOKEN = 'metrics-token-0123456789abcdef';
const cache = globalThis as unknown as { __portEnv?: Env; __portNumbersFrontDoor?: boolean };
const production = {
  APP_URL: 'https://ports.example.com',
  DATABASE_URL: 'postgres://app@db.invalid/ports',
  S3_BUCKET: 'ports',
  RESEND_API_KEY: 're_test',
  EMAIL_FROM: 'Porting <porting@example.com>',
  AUTH_SECRET: 'x'.repeat(40),
  PIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  CARRIER: 'manual',
};

function useEnv(source: Record<string, string>) {
  cache.__portEnv = parseEnv(source);
}
afterEach(() => {
  cache.__portEnv = undefined;
  delete cache.__portNumbersFrontDoor;
});

async function scrape(headers: Record<string, string> = {}) {
  const response = await GET(new Request('http://localhost/metrics', { headers }));
  return { status: response.status, body: await response.text(), auth: response.headers.get('www-authenticate') };
}

test('outside local mode without METRICS_TOKEN there is no /metrics, whatever is sent', async () => {
  useEnv(production);
  expect((await scrape()).status).toBe(404);
  expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(404);
});

test('with METRICS_TOKEN: its bearer gets the scrape; a missing, wrong or differently sent token gets 401', async () => {
  useEnv({ ...production, METRICS_TOKEN: TOKEN });
  for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
    const answer = await scrape(authorization ? { authorization } : {});
    expect({ authorization, status: answer.status }).toEqual({ authorization, status: 401 });
    expect(answer.auth).toContain('Bearer');
    expect(answer.body).not.toContain('http_request_duration_seconds');
  }
  const ok = await scrape({ authorization: `Bearer ${TOKEN}` });
  expect(ok.status).toBe(200);
  expect(ok.body).toContain('# TYPE http_request_duration_seconds histogram');
});

test('a METRICS_TOKEN too short to be a secret stops start-up with the variable named', () => {
  expect(() => parseEnv({ ...production, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
});

test('local mode: open to this machine through the front door, closed to anyone else', async () => {
  useEnv({ APP_URL: 'http://localhost:3000', DATA_DIR: process.env.DATA_DIR! });
  cache.__portNumbersFrontDoor = true;
  expect((await scrape({ 'x-port-client-address': '127.0.0.1', 'x-port-peer-address': '127.0.0.1' })).status).toBe(200);
  expect((await scrape({ 'x-port-client-address': '203.0.113.9', 'x-port-peer-address': '127.0.0.1' })).status).toBe(404);
  // Not served by the front door: the client-address headers prove nothing.
  delete cache.__portNumbersFrontDoor;
  expect((await scrape({ 'x-port-client-address': '127.0.0.1', 'x-port-peer-address': '127.0.0.1' })).status).toBe(404);
});

test('the scrape counts requests by status from the database', async () => {
  useEnv({ ...production, METRICS_TOKEN: TOKEN });
  forgetDatabaseGauges();
  await createPortRequestDraft(t.db, t.owner, t.summit);
  await createPortRequestDraft(t.db, t.owner, t.summit);
  const { body } = await scrape({ authorization: `Bearer ${TOKEN}` });
  expect(body).toMatch(/^port_requests\{status="draft"\} 2$/m);
  expect(body).toMatch(/^outbox_emails_pending \d+$/m);
  expect(body).toMatch(/^jobs_lag_seconds \d/m);
});

test('the outbox gauges say how many emails wait and for how long; jobs lag is how late the oldest due job is', async () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const email = { template: 'x', fromAddress: 'a', toAddresses: ['b'], subject: 's' };
  await t.db.insert(outboxEmails).values([
    { ...email, status: 'pending', createdAt: minutesAgo(12) },
    { ...email, status: 'sending', createdAt: minutesAgo(3) },
    { ...email, status: 'failed', createdAt: minutesAgo(90) },
    { ...email, status: 'sent', createdAt: minutesAgo(600) },
  ]);
  await t.db.insert(scheduledJobs).values([
    { kind: 'k', payload: {}, runAt: minutesAgo(7) },
    { kind: 'k', payload: {}, runAt: new Date(now.getTime() + 60_000) }, // not due yet
    { kind: 'k', payload: {}, runAt: minutesAgo(60), status: 'done' },
    { kind: 'k', payload: {}, runAt: minutesAgo(60), status: 'failed' },
  ]);
  forgetDatabaseGauges();
  await refreshDatabaseGauges(now);
  const value = async (gauge: { get(): Promise<{ values: { value: number }[] }> }) => (await gauge.get()).values[0]?.value;
  const m = getMetrics();
  expect(await value(m.outboxPending)).toBe(2);
  expect(await value(m.outboxFailed)).toBe(1);
  expect(await value(m.outboxOldestAge)).toBe(12 * 60);
  expect(await value(m.jobsLag)).toBe(7 * 60);
  expect(await value(m.jobsFailed)).toBe(1);

  // Within the next 5 s the figures are not counted again (a scrape every few seconds costs one count).
  await t.db.delete(outboxEmails);
  await refreshDatabaseGauges(new Date(now.getTime() + 4_000));
  expect(await value(m.outboxPending)).toBe(2);
  await refreshDatabaseGauges(new Date(now.getTime() + 6_000));
  expect(await value(m.outboxPending)).toBe(0);
});
