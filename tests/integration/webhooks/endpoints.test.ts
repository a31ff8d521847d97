/** @jest-environment node */
import { eq } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { NotFoundError, StateError } from '@/lib/errors';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { portRequests } from '@/db/schema';
import { isPublicAddress } from '@/lib/webhooks/network-policy';
import { createWebhookEndpoint } from '@/lib/webhooks/create-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-endpoint';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver-webhooks';
import { getWebhookEndpoint } from '@/lib/webhooks/get-endpoint';
import { listWebhookDeliveries } from '@/lib/webhooks/list-deliveries';
import { listWebhookEndpoints } from '@/lib/webhooks/list-endpoints';
import { redeliverWebhook } from '@/lib/webhooks/redeliver-webhook';
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-endpoint-secret';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-endpoint-enabled';
import { updateWebhookEndpoint } from '@/lib/webhooks/update-endpoint';
import { submittedRequest } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';
import { endpointFor, productionMode, startReceiver } from './receiver';

const t = setupTestContext();
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const input = (url: string) => ({ url, eventTypes: ['port_request.submitted' as const] });

test('the secret is Standard Webhooks’ whsec_ form, stored encrypted, never returned by a read', async () => {
  const { id, secret } = await createWebhookEndpoint(t.db, t.owner, t.summit, { url: 'https://crm.example.com/hooks', description: 'CRM', eventTypes: ['port_request.submitted'] });
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  expect(row.secretCiphertext).not.toContain(secret.slice(6));
  const view = await getWebhookEndpoint(t.db, t.owner, id);
  expect(JSON.stringify(view)).not.toContain(secret.slice(6));
  expect(JSON.stringify(await listWebhookEndpoints(t.db, t.owner, t.summit))).not.toContain('secret');
  expect(view).toMatchObject({ url: 'https://crm.example.com/hooks', description: 'CRM', eventTypes: ['port_request.submitted'], status: 'enabled' });
});

test('Harbor Legal’s admin, and Summit’s member, cannot read or change Summit’s endpoint: it is not found', async () => {
  const receiver = await startReceiver(t.defer);
  const { id } = await endpointFor(t.db, t.owner, t.summit, receiver.url);
  await submittedRequest(t.db, t.owner, t.summit);
  await deliverDueWebhooks({ db: t.db });
  const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
  for (const stranger of [t.harbor, t.analyst]) {
    await expect(getWebhookEndpoint(t.db, stranger, id)).rejects.toThrow(NotFoundError);
    await expect(listWebhookDeliveries(t.db, stranger, id)).rejects.toThrow(NotFoundError);
    await expect(updateWebhookEndpoint(t.db, stranger, id, input('https://evil.example.com/'))).rejects.toThrow(NotFoundError);
    await expect(rotateWebhookSecret(t.db, stranger, id)).rejects.toThrow(NotFoundError);
    await expect(setWebhookEndpointEnabled(t.db, stranger, id, false)).rejects.toThrow(NotFoundError);
    await expect(redeliverWebhook(t.db, stranger, id, delivery.id)).rejects.toThrow(NotFoundError);
    await expect(deleteWebhookEndpoint(t.db, stranger, id)).rejects.toThrow(NotFoundError);
    await expect(listWebhookEndpoints(t.db, stranger, t.summit)).rejects.toThrow(NotFoundError);
    await expect(createWebhookEndpoint(t.db, stranger, t.summit, input('https://evil.example.com/'))).rejects.toThrow(NotFoundError);
  }
  // Harbor's own endpoint cannot redeliver Summit's message either.
  const { id: harborEndpoint } = await endpointFor(t.db, t.harbor, t.harborLegal, receiver.url);
  await expect(redeliverWebhook(t.db, t.harbor, harborEndpoint, delivery.id)).rejects.toThrow(NotFoundError);
  await expect(getWebhookEndpoint(t.db, t.harbor, 'not-a-uuid')).rejects.toThrow(NotFoundError);
  const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  expect(row).toMatchObject({ status: 'enabled', url: receiver.url });
  // The agency's admin manages its sub-account's endpoints.
  const { id: dental } = await endpointFor(t.db, t.owner, t.summitDental, receiver.url);
  expect((await getWebhookEndpoint(t.db, t.owner, dental)).accountId).toBe(t.summitDental);
});

test('production refuses plain http, private, loopback, link-local and metadata addresses at registration', async () => {
  productionMode(t.defer);
  const refused = [
    ['http://127.0.0.1:8080/hooks', /https/],
    ['http://crm.example.com/hooks', /https/],
    ['https://127.0.0.1/hooks', /127\.0\.0\.1 is not a public address/],
    ['https://10.0.0.1/hooks', /10\.0\.0\.1 is not a public address/],
    ['https://192.168.1.20/hooks', /not a public address/],
    ['https://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is not a public address/],
    ['https://[fd00:ec2::254]/', /fd00:ec2::254 is not a public address/],
    ['https://[::ffff:127.0.0.1]/', /not a public address/],
    // IPv4-compatible and unallocated IPv6, which ipaddr.js would call "unicast".
    ['https://[::127.0.0.1]/', /not a public address/],
    ['https://[::a9fe:a9fe]/', /not a public address/],
    ['https://[4000::1]/', /not a public address/],
    ['https://localhost/hooks', /localhost resolves to .*which is not a public address/],
    ['https://user:pw@crm.example.com/', /user name and password/],
  ] as const;
  for (const [url, message] of refused) {
    await expect(createWebhookEndpoint(t.db, t.owner, t.summit, input(url))).rejects.toThrow(StateError);
    await expect(createWebhookEndpoint(t.db, t.owner, t.summit, input(url))).rejects.toThrow(message);
  }
  const { id } = await createWebhookEndpoint(t.db, t.owner, t.summit, input('https://93.184.215.14/hooks'));
  // A public IPv6 address is fine.
  expect(isPublicAddress('2606:2800:21f:cb07:6820:80da:af6b:8b2c')).toBe(true);
  await expect(updateWebhookEndpoint(t.db, t.owner, id, input('https://10.0.0.1/'))).rejects.toThrow(/not a public address/);
  expect(await t.db.select().from(webhookEndpoints)).toHaveLength(1);
});

test('production refuses the same addresses at delivery, when DNS or the URL changed after registration', async () => {
  const receiver = await startReceiver(t.defer);
  const urls = [receiver.url, `https://localhost:${receiver.port}/hooks`, 'https://10.0.0.1/hooks', 'https://169.254.169.254/latest/meta-data', 'https://[fd00:ec2::254]/'];
  const ids: string[] = [];
  // Registered in local mode (all allowed), delivered in production.
  for (const url of urls) ids.push((await endpointFor(t.db, t.owner, t.summit, url, ['port_request.submitted'])).id);
  await submittedRequest(t.db, t.owner, t.summit);
  productionMode(t.defer);
  expect(await deliverDueWebhooks({ db: t.db })).toEqual({ delivered: 0, retrying: urls.length, failed: 0 });
  expect(receiver.received).toHaveLength(0);
  const errors = new Map<string, string | null>();
  for (const [i, id] of ids.entries()) {
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    const [attempt] = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id));
    errors.set(urls[i], attempt.error);
    expect(attempt.statusCode).toBeNull();
  }
  expect(errors.get(receiver.url)).toMatch(/http: URLs are not allowed/);
  expect(errors.get(urls[1])).toMatch(/Refused: localhost resolves to .*not a public address/);
  expect(errors.get(urls[2])).toMatch(/Refused: 10\.0\.0\.1 is not a public address/);
  expect(errors.get(urls[3])).toMatch(/Refused: 169\.254\.169\.254/);
  expect(errors.get(urls[4])).toMatch(/Refused: fd00:ec2::254/);
});

test('Redeliver sends a delivered message again now with the same webhook-id, logged as manual; the log numbers each try', async () => {
  let status = 500;
  const receiver = await startReceiver(t.defer, { answer: () => status });
  const { id } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.changes_needed']);
  const request = await submittedRequest(t.db, t.owner, t.summit);
  await requestChanges(t.db, t.staff, request, { reasons: ['zip_mismatch'], numberIds: [], note: undefined, version: await version(request) });
  await deliverDueWebhooks({ db: t.db });
  const [waiting] = await listWebhookDeliveries(t.db, t.owner, id);
  expect(waiting).toMatchObject({ status: 'pending', eventType: 'port_request.changes_needed', attempts: [{ number: 1, statusCode: 500, manual: false }] });

  status = 200;
  expect(await redeliverWebhook(t.db, t.owner, id, waiting.id)).toMatchObject({ ok: true, statusCode: 200 });
  expect(await redeliverWebhook(t.db, t.owner, id, waiting.id)).toMatchObject({ ok: true });
  expect(receiver.received.map((m) => m.headers['webhook-id'])).toEqual([waiting.id, waiting.id, waiting.id]);
  const [log] = await listWebhookDeliveries(t.db, t.owner, id);
  expect(log.status).toBe('delivered');
  expect(log.attempts.map((a) => [a.number, a.statusCode, a.manual])).toEqual([
    [1, 500, false],
    [2, 200, true],
    [3, 200, true],
  ]);
  // Delivered by hand: the automatic retry does not send it again.
  await deliverDueWebhooks({ db: t.db, now: new Date(Date.now() + 3600_000) });
  expect(receiver.received).toHaveLength(3);
});

test('update, disable, enable and delete', async () => {
  const receiver = await startReceiver(t.defer);
  const { id } = await endpointFor(t.db, t.owner, t.summit, receiver.url);
  await updateWebhookEndpoint(t.db, t.owner, id, { url: `${receiver.url}/v2`, description: 'v2', eventTypes: ['port_request.cancelled', 'loa.signed'] });
  expect(await getWebhookEndpoint(t.db, t.owner, id)).toMatchObject({ url: `${receiver.url}/v2`, description: 'v2', eventTypes: ['port_request.cancelled', 'loa.signed'] });
  await setWebhookEndpointEnabled(t.db, t.owner, id, false);
  expect((await getWebhookEndpoint(t.db, t.owner, id)).status).toBe('disabled');
  await setWebhookEndpointEnabled(t.db, t.owner, id, true);
  expect((await getWebhookEndpoint(t.db, t.owner, id)).status).toBe('enabled');
  await submittedRequest(t.db, t.owner, t.summit);
  await deleteWebhookEndpoint(t.db, t.owner, id);
  await expect(getWebhookEndpoint(t.db, t.owner, id)).rejects.toThrow(NotFoundError);
  expect(await t.db.select().from(webhookDeliveries)).toHaveLength(0);
});
