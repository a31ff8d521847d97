/** @jest-environment node */
import { and, eq } from 'drizzle-orm';
import { apiCalls, apiKeys, memberships } from '@/db/schema';
import { revokeApiKey } from '@/lib/api/keys/manage-api-keys';
import { apiCall, makeApiKey } from '../../helpers/api';
import { draftThroughCarrier } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();

describe('the /api/v1 door', () => {
  test('a key of the account reads its request; the same call without a key, with a made-up key or a revoked key is 401', async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const ok = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id, object: 'port_request', status: 'draft', losingCarrier: expect.any(String) });
    expect(ok.headers.get('ratelimit')).toMatch(/r=\d+;t=\d+/);

    for (const bad of [null, 'pn_live_' + 'A'.repeat(43), 'not-a-key']) {
      const refused = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: bad });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(refused.body).toMatchObject({ status: 401, type: expect.stringMatching(/#problem-unauthorized$/) });
    }
    const [row] = await t.db.select().from(apiKeys);
    await revokeApiKey(t.db, t.owner, t.summit, row.id);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).status).toBe(401);
  });

  test("another account's request, a malformed id and an unknown path are 404; a wrong method is 405 with Allow", async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: harborKey })).status).toBe(404);
    expect((await apiCall(t.db, 'GET', `/port-requests/not-a-uuid`, { key: harborKey })).status).toBe(404);
    expect((await apiCall(t.db, 'GET', `/nothing-here`, { key: harborKey })).status).toBe(404);
    const wrong = await apiCall(t.db, 'PATCH', `/port-requests/${id}`, { key: harborKey });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
  });

  test('every call is logged against its key', async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const key = await makeApiKey(t.db, t.owner, t.summit);
    await apiCall(t.db, 'GET', `/port-requests/${id}`, { key });
    const [row] = await t.db.select().from(apiKeys);
    const calls = await t.db.select().from(apiCalls).where(eq(apiCalls.apiKeyId, row.id));
    expect(calls).toEqual([expect.objectContaining({ method: 'GET', path: `/port-requests/${id}`, status: 200 })]);
  });
});

describe('who a key stands for', () => {
  test("a stranger's key naming a Summit request with a bad body gets 404, not the validation messages", async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const harborKey = await makeApiKey(t.db, t.harbor, t.harborLegal);
    const answer = await apiCall(t.db, 'PUT', `/port-requests/${id}/carrier`, { key: harborKey, json: { losingCarrier: '' } });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain('carrier');
    const ownKey = await makeApiKey(t.db, t.owner, t.summit);
    expect((await apiCall(t.db, 'PUT', `/port-requests/${id}/carrier`, { key: ownKey, json: { losingCarrier: '' } })).status).toBe(422);
  });

  test('a key stops working when its creator is no longer an admin of its account', async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const key = await makeApiKey(t.db, t.owner, t.summit);
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).status).toBe(200);
    await t.db.update(memberships).set({ role: 'member' }).where(and(eq(memberships.userId, t.owner.userId), eq(memberships.accountId, t.summit)));
    expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).status).toBe(401);
  });
});

test('a recipient id with a NUL byte is not found, not a server failure', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const key = await makeApiKey(t.db, t.owner, t.summit);
  expect((await apiCall(t.db, 'DELETE', `/port-requests/${id}/recipients/a%00`, { key })).status).toBe(404);
});
