/** @jest-environment node */
jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import { CURRENT_ACCOUNT_COOKIE } from '@/lib/auth/session';
import {
  createEndpointAction,
  deleteEndpointAction,
  redeliverAction,
  rotateSecretAction,
  setEndpointEnabledAction,
  updateEndpointAction,
} from '@/app/(app)/numbers/port/api/webhooks/actions';
import { getWebhookEndpoint } from '@/lib/webhooks/get-endpoint';
import { expectNotFound, expectRedirect, formData, requestScope, setupRequestScope, signInAs } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';
import { endpointFor, productionMode } from './receiver';

const t = setupTestContext({ storage: false });
setupRequestScope();

const form = (fields: Record<string, string | string[]>) => formData(fields);

test('Add endpoint: an admin gets the secret once in the answer; a member (of the agency, or of a sub-account) gets the 404', async () => {
  signInAs(t.owner);
  const state = await createEndpointAction(null, form({ url: 'https://crm.example.com/hooks', description: 'CRM', eventTypes: ['port_request.submitted', 'port_request.changes_needed'] }));
  expect(state).toMatchObject({ ok: true, created: { url: 'https://crm.example.com/hooks', secret: expect.stringMatching(/^whsec_/) } });
  const created = state?.ok ? state.created! : null;
  expect(await getWebhookEndpoint(t.db, t.owner, created!.id)).toMatchObject({ accountId: t.summit, eventTypes: ['port_request.submitted', 'port_request.changes_needed'] });
  // Nowhere else: no cookie carries it.
  expect([...requestScope.cookies.values()].map((c) => c.value).join(' ')).not.toContain(created!.secret);

  signInAs(t.analyst);
  await expectNotFound(() => createEndpointAction(null, form({ url: 'https://crm.example.com/hooks', eventTypes: ['port_request.submitted'] })));
  signInAs(t.dental);
  await expectNotFound(() => createEndpointAction(null, form({ url: 'https://crm.example.com/hooks', eventTypes: ['port_request.submitted'] })));
  expect(await t.db.select().from(webhookEndpoints)).toHaveLength(1);
});

test('a bad URL keeps what was typed, with the message at the field', async () => {
  signInAs(t.owner);
  const typed = { url: 'ftp://crm.example.com/hooks', description: 'Ours', eventTypes: ['loa.signed', 'port_request.approved'] };
  const state = await createEndpointAction(null, form(typed));
  expect(state).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringMatching(/https/)] }, values: { url: typed.url, description: 'Ours', eventTypes: 'loa.signed,port_request.approved' } });
  const none = await createEndpointAction(null, form({ url: 'https://crm.example.com/hooks' }));
  expect(none).toMatchObject({ ok: false, fieldErrors: { eventTypes: ['Choose at least one event type.'] } });
  const madeUp = await createEndpointAction(null, form({ url: 'https://crm.example.com/hooks', eventTypes: ['port_request.everything'] }));
  expect(madeUp).toMatchObject({ ok: false, fieldErrors: { eventTypes: ['Choose event types from the list.'] } });

  productionMode(t.defer);
  const metadata = await createEndpointAction(null, form({ url: 'https://169.254.169.254/latest', eventTypes: ['loa.signed'] }));
  expect(metadata).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringMatching(/169\.254\.169\.254 is not a public address/)] }, values: { url: 'https://169.254.169.254/latest' } });
  const plain = await createEndpointAction(null, form({ url: 'http://crm.example.com/hooks', eventTypes: ['loa.signed'] }));
  expect(plain).toMatchObject({ ok: false, fieldErrors: { url: ['The URL must start with https://.'] } });
  expect(await t.db.select().from(webhookEndpoints)).toHaveLength(0);
});

test('every endpoint action answers 404 for a stranger’s endpoint id, a member, and an endpoint of another account than the current one', async () => {
  const { id } = await endpointFor(t.db, t.owner, t.summit, 'https://crm.example.com/hooks');
  const { id: dentalEndpoint } = await endpointFor(t.db, t.owner, t.summitDental, 'https://dental.example.com/hooks');
  const actions = (endpointId: string) => [
    () => updateEndpointAction(null, form({ endpointId, url: 'https://evil.example.com/', eventTypes: ['loa.signed'] })),
    () => rotateSecretAction(null, form({ endpointId })),
    () => setEndpointEnabledAction(form({ endpointId, enabled: 'false' })),
    () => deleteEndpointAction(form({ endpointId })),
    () => redeliverAction(form({ endpointId, deliveryId: '00000000-0000-4000-8000-000000000000' })),
  ];
  for (const who of [t.harbor, t.analyst]) {
    signInAs(who);
    for (const action of actions(id)) await expectNotFound(action);
  }
  signInAs(t.owner);
  for (const action of actions('not-an-id')) await expectNotFound(action);
  // Working in Summit Marketing Group, the owner does not change Summit Dental's endpoint from here.
  for (const action of actions(dentalEndpoint)) await expectNotFound(action);
  requestScope.cookies.set(CURRENT_ACCOUNT_COOKIE, { value: t.summitDental });
  await expectRedirect(() => setEndpointEnabledAction(form({ endpointId: dentalEndpoint, enabled: 'false' })), `/numbers/port/api/webhooks/${dentalEndpoint}`);
  expect((await getWebhookEndpoint(t.db, t.owner, id)).status).toBe('enabled');
  expect((await getWebhookEndpoint(t.db, t.owner, dentalEndpoint)).status).toBe('disabled');
});

test('edit, rotate (new secret in the answer), disable and delete from the endpoint page', async () => {
  const { id, secret } = await endpointFor(t.db, t.owner, t.summit, 'https://crm.example.com/hooks');
  signInAs(t.owner);
  expect(await updateEndpointAction(null, form({ endpointId: id, url: 'https://crm.example.com/v2', description: '', eventTypes: ['port_request.cancelled'] }))).toMatchObject({ ok: true });
  expect(await getWebhookEndpoint(t.db, t.owner, id)).toMatchObject({ url: 'https://crm.example.com/v2', description: null, eventTypes: ['port_request.cancelled'] });
  const bad = await updateEndpointAction(null, form({ endpointId: id, url: 'not a url', eventTypes: ['port_request.cancelled'] }));
  expect(bad).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringMatching(/full URL/)] }, values: { url: 'not a url' } });

  const rotated = await rotateSecretAction(null, form({ endpointId: id }));
  expect(rotated).toMatchObject({ ok: true, rotated: { secret: expect.stringMatching(/^whsec_/) } });
  expect(rotated?.ok && rotated.rotated?.secret).not.toBe(secret);

  await expectRedirect(() => setEndpointEnabledAction(form({ endpointId: id, enabled: 'false' })), `/numbers/port/api/webhooks/${id}`);
  expect((await getWebhookEndpoint(t.db, t.owner, id)).status).toBe('disabled');
  await expectRedirect(() => deleteEndpointAction(form({ endpointId: id })), '/numbers/port/api/webhooks');
  expect(await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))).toHaveLength(0);
});
