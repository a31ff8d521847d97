/**
 * The API access page's actions (app/(app)/numbers/port/api/actions.ts) called with forms: an admin
 * creates a key and gets its secret once, in the form's answer; the secret works at /api/v1; a
 * member and another account's admin get the 404; a bad name comes back with what was typed; a
 * revoked key is refused.
 */
import { eq } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { createApiKeyAction, revokeApiKeyAction, type CreateKeyState } from '@/app/(app)/numbers/port/api/actions';
import { apiKeySha256 } from '@/lib/api/keys/api-key-secret';
import { CURRENT_ACCOUNT_COOKIE } from '@/lib/auth/session';
import { apiCall } from '../../helpers/api';
import { draftThroughCarrier } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, requestScope, setupRequestScope, signInAs } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
setupRequestScope();

function signInTo(actor: typeof t.owner, accountId: string) {
  signInAs(actor);
  requestScope.cookies.set(CURRENT_ACCOUNT_COOKIE, { value: accountId });
}

async function created(state: CreateKeyState) {
  if (!state?.ok || !state.created) throw new Error(`expected a created key, got ${JSON.stringify(state)}`);
  return state.created;
}

test('an admin creates a key: the secret comes back once, only its hash is stored, and it reads the account’s requests', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  signInTo(t.owner, t.summit);
  const key = await created(await createApiKeyAction(null, formData({ name: '  CRM sync ', scopes: 'port_requests:read' })));
  expect(key).toMatchObject({ name: 'CRM sync', scopes: ['port_requests:read'] });
  expect(key.secret).toMatch(/^pn_live_[A-Za-z0-9_-]{43}$/);
  expect(key.secret.startsWith(key.prefix)).toBe(true);
  expect(requestScope.revalidated).toContain('/numbers/port/api');

  const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
  expect(row).toMatchObject({ accountId: t.summit, name: 'CRM sync', createdByUserId: t.owner.userId, secretSha256: apiKeySha256(key.secret), revokedAt: null });
  // Nothing of the secret but its visible prefix is kept anywhere the app can read it back.
  expect(JSON.stringify(row)).not.toContain(key.secret.slice(key.prefix.length));
  // …nor in a cookie of the answer.
  for (const [, cookie] of requestScope.cookies) expect(cookie.value).not.toContain(key.secret);

  const read = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: key.secret });
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ id });
});

test('"Read and write" makes a key with both scopes', async () => {
  signInTo(t.owner, t.summit);
  const key = await created(await createApiKeyAction(null, formData({ name: 'Writer', scopes: 'port_requests:write' })));
  expect(key.scopes).toEqual(['port_requests:read', 'port_requests:write']);
});

test('a member of the account, signed out or not, gets the 404 / sign-in, and no key is made', async () => {
  signInTo(t.analyst, t.summit);
  await expectNotFound(() => createApiKeyAction(null, formData({ name: 'Sneaky', scopes: 'port_requests:write' })));
  signInAs(null);
  await expectRedirect(() => createApiKeyAction(null, formData({ name: 'Sneaky', scopes: 'port_requests:write' })), '/sign-in');
  expect(await t.db.select().from(apiKeys)).toEqual([]);
});

test('a bad name or no access chosen comes back with what was typed and a message by the field; nothing is made', async () => {
  signInTo(t.owner, t.summit);
  const empty = await createApiKeyAction(null, formData({ name: '   ', scopes: 'port_requests:write' }));
  expect(empty).toMatchObject({ ok: false, values: { name: '   ', scopes: 'port_requests:write' }, fieldErrors: { name: [expect.stringMatching(/Name the key/)] } });

  const long = 'A'.repeat(61);
  expect(await createApiKeyAction(null, formData({ name: long, scopes: 'port_requests:read' }))).toMatchObject({ ok: false, values: { name: long }, fieldErrors: { name: [expect.stringMatching(/60 characters/)] } });

  const noScope = await createApiKeyAction(null, formData({ name: 'CRM sync' }));
  expect(noScope).toMatchObject({ ok: false, values: { name: 'CRM sync' }, fieldErrors: { scopes: [expect.stringMatching(/Choose what the key may do/)] } });
  const madeUp = await createApiKeyAction(null, formData({ name: 'CRM sync', scopes: 'admin:everything' }));
  expect(madeUp).toMatchObject({ ok: false, fieldErrors: { scopes: [expect.stringMatching(/Choose what the key may do/)] } });
  expect(await t.db.select().from(apiKeys)).toEqual([]);
});

test('revoking: the key is refused at once (401); another account’s admin and a member get the 404 and change nothing', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  signInTo(t.owner, t.summit);
  const key = await created(await createApiKeyAction(null, formData({ name: 'CRM sync', scopes: 'port_requests:write' })));

  signInTo(t.harbor, t.harborLegal);
  await expectNotFound(() => revokeApiKeyAction(null, formData({ keyId: key.id })));
  signInTo(t.analyst, t.summit);
  await expectNotFound(() => revokeApiKeyAction(null, formData({ keyId: key.id })));
  signInTo(t.owner, t.summit);
  await expectNotFound(() => revokeApiKeyAction(null, formData({ keyId: 'not-a-uuid' })));
  expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: key.secret })).status).toBe(200);

  await expectRedirect(() => revokeApiKeyAction(null, formData({ keyId: key.id })), '/numbers/port/api');
  expect(JSON.parse(requestScope.cookies.get('flash')!.value)).toMatchObject({ kind: 'ok', message: expect.stringMatching(/revoked/) });
  const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
  expect(row).toMatchObject({ revokedByUserId: t.owner.userId, revokedAt: expect.any(Date) });
  const refused = await apiCall(t.db, 'GET', `/port-requests/${id}`, { key: key.secret });
  expect(refused.status).toBe(401);
  expect(refused.body).toMatchObject({ type: expect.stringMatching(/#problem-unauthorized$/) });

  // Twice is a message, not an error page.
  expect(await revokeApiKeyAction(null, formData({ keyId: key.id }))).toMatchObject({ ok: false, formError: expect.stringMatching(/already revoked/) });
});

test('a key made in a sub-account belongs to the sub-account the admin has chosen', async () => {
  signInTo(t.owner, t.summitDental);
  const key = await created(await createApiKeyAction(null, formData({ name: 'Dental CRM', scopes: 'port_requests:read' })));
  const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
  expect(row.accountId).toBe(t.summitDental);
  // …and the parent's admin page, chosen next, cannot revoke it by id: keys are per account.
  signInTo(t.owner, t.summit);
  await expectNotFound(() => revokeApiKeyAction(null, formData({ keyId: key.id })));
});
