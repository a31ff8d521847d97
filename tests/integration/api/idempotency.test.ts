/** @jest-environment node */
/**
 * Idempotent POSTs through the real door: the same Idempotency-Key and body return the first answer
 * (status, body, Idempotent-Replayed: true) and make one effect, also when the retries arrive at
 * once; the key with another body is refused (422 idempotency-key-reused); a 5xx answer is not
 * kept; after 24 hours the key is free again. A test-only endpoint counts the effects exactly; the
 * real "create a draft" shows the same on the database.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { apiIdempotencyKeys, portRequests } from '@/db/schema';
import { defineEndpoint, type ApiEndpoint } from '@/lib/api/endpoint';
import { API_ENDPOINTS } from '@/lib/api/endpoints';
import { handleApiRequest } from '@/lib/api/handle-api-request';
import { IDEMPOTENCY_TTL_MS } from '@/lib/api/idempotency';
import { problemTypeUri } from '@/lib/api/problem';
import { apiCall, makeApiKey } from '../../helpers/api';
import { tinyPng } from '../../helpers/files';
import { draftReadyToSign, signDraft } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext({ storage: false });

/** A made-up endpoint that counts what it does: each run is one effect. */
function countingEndpoint(options: { delayMs?: number; failTimes?: number } = {}) {
  const runs: string[] = [];
  let failures = options.failTimes ?? 0;
  const endpoint = defineEndpoint({
    method: 'POST',
    path: '/test-effects',
    operationId: 'testEffect',
    summary: 'Counts effects (test only)',
    tag: 'Test',
    scope: 'port_requests:write',
    body: { kind: 'json', schema: z.object({ label: z.string().min(1, 'Give a label.') }) },
    responses: { 201: { description: 'Done' } },
    async handle({ body }) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (failures > 0) {
        failures--;
        throw new Error('the database went away');
      }
      runs.push(body.label);
      return { status: 201, json: { run: runs.length, label: body.label, at: new Date().toISOString() } };
    },
  });
  return { endpoint, runs };
}

async function post(endpoints: readonly ApiEndpoint[], key: string, body: unknown, idempotencyKey: string | null, now?: Date) {
  const headers = new Headers({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
  if (idempotencyKey !== null) headers.set('idempotency-key', idempotencyKey);
  const response = await handleApiRequest(new Request('http://localhost:3000/api/v1/test-effects', { method: 'POST', headers, body: JSON.stringify(body) }), { db: t.db, endpoints, now });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
}

test('the same key and body return the first answer, marked replayed, and make one effect', async () => {
  const { endpoint, runs } = countingEndpoint();
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const first = await post([endpoint], key, { label: 'a' }, 'order-1');
  expect(first.status).toBe(201);
  expect(first.headers.get('idempotent-replayed')).toBeNull();
  const again = await post([endpoint], key, { label: 'a' }, 'order-1');
  expect(again.status).toBe(201);
  expect(again.text).toBe(first.text);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.headers.get('content-type')).toBe('application/json');
  // The rate limit headers are this call's, not the first one's.
  expect(again.headers.get('ratelimit')).toMatch(/r=\d+/);
  expect(runs).toEqual(['a']);

  // Without the header, or with another key, it runs again.
  await post([endpoint], key, { label: 'a' }, null);
  await post([endpoint], key, { label: 'a' }, 'order-2');
  expect(runs).toEqual(['a', 'a', 'a']);
});

test('the same Idempotency-Key with another body (or path) is refused with 422 idempotency-key-reused, and runs nothing', async () => {
  const { endpoint, runs } = countingEndpoint();
  const key = await makeApiKey(t.db, t.owner, t.summit);
  await post([endpoint], key, { label: 'a' }, 'order-1');
  const other = await post([endpoint], key, { label: 'b' }, 'order-1');
  expect(other.status).toBe(422);
  expect(other.headers.get('content-type')).toBe('application/problem+json');
  expect(other.body).toMatchObject({ type: problemTypeUri('idempotency-key-reused'), status: 422 });
  expect(runs).toEqual(['a']);
  // The first answer is still the one kept for the key.
  expect((await post([endpoint], key, { label: 'a' }, 'order-1')).headers.get('idempotent-replayed')).toBe('true');
});

test('keys of different API keys are separate: one client cannot replay (or block) another’s answer', async () => {
  const { endpoint, runs } = countingEndpoint();
  const summitKey = await makeApiKey(t.db, t.owner, t.summit);
  const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
  await post([endpoint], summitKey, { label: 'summit' }, 'shared-key');
  const harbor = await post([endpoint], harborKey, { label: 'harbor' }, 'shared-key');
  expect(harbor.status).toBe(201);
  expect(harbor.body).toMatchObject({ label: 'harbor' });
  expect(harbor.headers.get('idempotent-replayed')).toBeNull();
  expect(runs).toEqual(['summit', 'harbor']);
});

test('five concurrent calls with one key make one effect and all get the same answer', async () => {
  const { endpoint, runs } = countingEndpoint({ delayMs: 300 });
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const answers = await Promise.all(Array.from({ length: 5 }, () => post([endpoint], key, { label: 'once' }, 'burst-1')));
  expect(runs).toEqual(['once']);
  expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
  expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
});

test('a 5xx answer is not kept: the retry with the same key runs again and its answer is the one kept', async () => {
  const { endpoint, runs } = countingEndpoint({ failTimes: 1 });
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const failed = await post([endpoint], key, { label: 'a' }, 'order-1');
  expect(failed.status).toBe(503);
  expect(failed.body).toMatchObject({ type: problemTypeUri('unavailable') });
  expect(await t.db.select().from(apiIdempotencyKeys)).toEqual([]);
  const retry = await post([endpoint], key, { label: 'a' }, 'order-1');
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBeNull();
  expect((await post([endpoint], key, { label: 'a' }, 'order-1')).text).toBe(retry.text);
  expect(runs).toEqual(['a']);
});

test('a refusal (4xx) changed nothing and is not kept: the same key works once the cause is fixed', async () => {
  const { endpoint, runs } = countingEndpoint();
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const refused = await post([endpoint], key, { label: '' }, 'order-1');
  expect(refused.status).toBe(422);
  expect(await t.db.select().from(apiIdempotencyKeys)).toEqual([]);
  const again = await post([endpoint], key, { label: '' }, 'order-1');
  expect(again.headers.get('idempotent-replayed')).toBeNull();
  expect(runs).toEqual([]);
});

test('submit refused for want of proof, then retried with the same key after the upload: it is sent', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const headers = { 'Idempotency-Key': 'submit-1' };
  const first = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key, headers });
  expect(first.status).toBe(409);
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'bill.png');
  expect((await apiCall(t.db, 'POST', `/port-requests/${id}/proof`, { key, form })).status).toBe(201);
  const retry = await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key, headers });
  expect(retry.status).toBe(200);
  expect(retry.body.portRequests[0].status).toBe('submitted');
  expect((await apiCall(t.db, 'POST', `/port-requests/${id}/submit`, { key, headers })).headers.get('idempotent-replayed')).toBe('true');
});

test('after 24 hours the key can be used again, even for another body', async () => {
  const { endpoint, runs } = countingEndpoint();
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const start = new Date(Date.now() + 60_000);
  await post([endpoint], key, { label: 'a' }, 'order-1', start);
  const almost = await post([endpoint], key, { label: 'b' }, 'order-1', new Date(start.getTime() + IDEMPOTENCY_TTL_MS - 60_000));
  expect(almost.status).toBe(422);
  const later = await post([endpoint], key, { label: 'b' }, 'order-1', new Date(start.getTime() + IDEMPOTENCY_TTL_MS + 1000));
  expect(later.status).toBe(201);
  expect(later.headers.get('idempotent-replayed')).toBeNull();
  expect(runs).toEqual(['a', 'b']);
});

test('an Idempotency-Key longer than 255 characters is a validation problem', async () => {
  const { endpoint, runs } = countingEndpoint();
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const answer = await post([endpoint], key, { label: 'a' }, 'k'.repeat(256));
  expect(answer.status).toBe(422);
  expect(answer.body).toMatchObject({ type: problemTypeUri('validation'), errors: { 'Idempotency-Key': [expect.any(String)] } });
  expect(runs).toEqual([]);
});

const createDraft = API_ENDPOINTS.find((e) => e.method === 'POST' && e.path === '/port-requests');

(createDraft ? describe : describe.skip)('POST /port-requests (the real endpoint)', () => {
  const drafts = () => t.db.select({ id: portRequests.id }).from(portRequests).where(and(eq(portRequests.accountId, t.summit), eq(portRequests.status, 'draft')));

  test('retried with one key, sequentially and concurrently, it makes one draft and answers it each time', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const before = (await drafts()).length;
    const body = { carrier: { losingCarrier: 'Verizon Business' } };
    const first = await apiCall(t.db, 'POST', '/port-requests', { key, json: body, headers: { 'Idempotency-Key': 'crm-7731' } });
    expect(first.status).toBe(201);
    const burst = await Promise.all(Array.from({ length: 5 }, () => apiCall(t.db, 'POST', '/port-requests', { key, json: body, headers: { 'Idempotency-Key': 'crm-7731' } })));
    for (const again of burst) {
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect((await drafts()).length).toBe(before + 1);

    const other = await apiCall(t.db, 'POST', '/port-requests', { key, json: { carrier: { losingCarrier: 'AT&T' } }, headers: { 'Idempotency-Key': 'crm-7731' } });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ type: problemTypeUri('idempotency-key-reused') });
    expect((await drafts()).length).toBe(before + 1);
  });

  test('concurrent first calls with one key make one draft', async () => {
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const before = (await drafts()).length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => apiCall(t.db, 'POST', '/port-requests', { key, json: {}, headers: { 'Idempotency-Key': 'burst' } })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect((await drafts()).length).toBe(before + 1);
  });
});
