/** @jest-environment node */
/**
 * The API's rate limits through the real door: calls without a valid key, per client address
 * (30 a minute), and calls per key (120 a minute), each answered 429 rate-limited with Retry-After;
 * the key's answers carry the IETF RateLimit and RateLimit-Policy fields.
 */
import { eq } from 'drizzle-orm';
import { apiCalls, apiKeys, rateLimitHits } from '@/db/schema';
import { API_RATE_LIMIT, API_UNAUTHENTICATED_LIMIT, consumeApiRateLimit } from '@/lib/api/rate-limit';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { problemTypeUri } from '@/lib/api/problem';
import { CLIENT_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from '@/lib/server/incoming-request';
import { apiCall, makeApiKey } from '../../helpers/api';
import { draftThroughCarrier } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext({ storage: false });

// The client's address is believed only behind the app's own front door (scripts/server.ts), which
// sets these headers; stand in for it here.
const frontDoor = globalThis as { __portNumbersFrontDoor?: boolean };
beforeEach(() => {
  frontDoor.__portNumbersFrontDoor = true;
});
afterEach(() => {
  delete frontDoor.__portNumbersFrontDoor;
});
const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address, [PEER_ADDRESS_HEADER]: address });

async function keyId(secret: string) {
  const rows = await t.db.select({ id: apiKeys.id, prefix: apiKeys.prefix }).from(apiKeys);
  return rows.find((r) => secret.startsWith(r.prefix))!.id;
}

test(`without a valid key, ${API_UNAUTHENTICATED_LIMIT.max} calls a minute per address, then 429 with Retry-After`, async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const now = new Date();
  for (let i = 0; i < API_UNAUTHENTICATED_LIMIT.max; i++) {
    // No key, a made-up key, a malformed one: all count against the address.
    const key = [null, `pn_live_${'A'.repeat(43)}`, 'nonsense'][i % 3];
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key, headers: from('198.51.100.7'), now })).status).toBe(401);
  }
  const limited = await apiCall(t.db, 'GET', `/port-requests/${id}`, { headers: from('198.51.100.7'), now });
  expect(limited.status).toBe(429);
  expect(limited.headers.get('content-type')).toBe('application/problem+json');
  expect(limited.body).toMatchObject({ type: problemTypeUri('rate-limited'), status: 429 });
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(API_UNAUTHENTICATED_LIMIT.windowSeconds);

  // Another address is not held back; neither is a valid key from the same address.
  expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { headers: from('198.51.100.8'), now })).status).toBe(401);
  const key = await makeApiKey(t.db, t.owner, t.summit);
  expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key, headers: from('198.51.100.7'), now })).status).toBe(200);
  // A minute later the address may try again.
  expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { headers: from('198.51.100.7'), now: new Date(now.getTime() + 61_000) })).status).toBe(401);
});

test('every answer to a key carries RateLimit and RateLimit-Policy, counting down', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const first = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key });
  const second = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key });
  expect(first.headers.get('ratelimit-policy')).toBe(`"default";q=${API_RATE_LIMIT.max};w=${API_RATE_LIMIT.windowSeconds}`);
  expect(first.headers.get('ratelimit')).toMatch(new RegExp(`^"default";r=${API_RATE_LIMIT.max - 1};t=\\d+$`));
  expect(second.headers.get('ratelimit')).toMatch(new RegExp(`^"default";r=${API_RATE_LIMIT.max - 2};t=\\d+$`));
  // A refusal of the key's own (a 404) is counted and announced too.
  const missing = await apiCall(t.db, 'GET', '/port-requests/00000000-0000-4000-8000-000000000000', { key });
  expect(missing.status).toBe(404);
  expect(missing.headers.get('ratelimit')).toMatch(new RegExp(`r=${API_RATE_LIMIT.max - 3};`));
});

test(`a key over ${API_RATE_LIMIT.max} calls a minute gets 429 with Retry-After, RateLimit and RateLimit-Policy; other keys go on; the window frees it`, async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const key = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read'], 'Busy');
  const other = await makeApiKey(t.db, t.owner, t.summit, ['port_requests:read'], 'Quiet');
  const now = new Date();
  const oldest = new Date(now.getTime() - 45_000);
  // A minute's worth of calls already made (the oldest 45 s ago), written straight into the window.
  const bucket = `api:key:${await keyId(key)}`;
  await t.db.insert(rateLimitHits).values(Array.from({ length: API_RATE_LIMIT.max }, (_, i) => ({ bucket, at: new Date(oldest.getTime() + i * 100) })));

  const limited = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key, now });
  expect(limited.status).toBe(429);
  expect(limited.body).toMatchObject({ type: problemTypeUri('rate-limited'), status: 429, detail: expect.stringContaining(String(API_RATE_LIMIT.max)) });
  expect(limited.headers.get('retry-after')).toBe('15');
  expect(limited.headers.get('ratelimit')).toBe('"default";r=0;t=15');
  expect(limited.headers.get('ratelimit-policy')).toBe(`"default";q=${API_RATE_LIMIT.max};w=${API_RATE_LIMIT.windowSeconds}`);
  // The refused call is logged against the key, as a 429.
  const logged = await t.db.select().from(apiCalls).where(eq(apiCalls.apiKeyId, await keyId(key)));
  expect(logged.map((c) => c.status)).toEqual([429]);

  expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: other, now })).status).toBe(200);
  // Once the oldest calls leave the window, the key is served again.
  const later = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key, now: new Date(oldest.getTime() + 60_000 + 500) });
  expect(later.status).toBe(200);
  expect(later.headers.get('ratelimit')).toMatch(/^"default";r=\d+;t=\d+$/);
});

test('calls racing on one bucket never pass the limit (on PostgreSQL they run on separate connections)', async () => {
  const limit = { max: 20, windowSeconds: 60 };
  const now = new Date();
  const verdicts = await Promise.all(Array.from({ length: 60 }, () => consumeApiRateLimit(t.db, 'api:race-test', limit, now)));
  expect(verdicts.filter((v) => v.allowed)).toHaveLength(20);
  expect(await consumeRateLimit(t.db, [{ bucket: 'sign-in:race-test', max: 5, windowSeconds: 60 }])).toBe(true);
  const signIns = await Promise.all(Array.from({ length: 30 }, () => consumeRateLimit(t.db, [{ bucket: 'sign-in:race-test', max: 5, windowSeconds: 60 }])));
  expect(signIns.filter(Boolean)).toHaveLength(4);
});
