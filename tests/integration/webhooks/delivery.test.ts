/** @jest-environment node */
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { outboxEmails, portRequests, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { addNote } from '@/lib/porting/notes/add-note';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import { deliverDueWebhooks, MAX_WEBHOOK_ATTEMPTS, RETRY_DELAYS_SECONDS } from '@/lib/webhooks/deliver-webhooks';
import { rotateWebhookSecret } from '@/lib/webhooks/rotate-endpoint-secret';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-endpoint-enabled';
import { WEBHOOK_EVENT_SCHEMAS, type WebhookEventType } from '@/lib/webhooks/webhook-events';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { signDraft, draftReadyToSign, submittedRequest } from '../../helpers/port-requests';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from '../../helpers/files';
import { setupTestContext } from '../../helpers/test-context';
import { endpointFor, startReceiver, type Received } from './receiver';

const t = setupTestContext();
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);
const HOUR = 3600_000;

function verified(secret: string, message: Received) {
  return new Webhook(secret).verify(message.body, message.headers) as { type: string; data: Record<string, unknown> };
}

async function askForChanges(id: string) {
  await requestChanges(t.db, t.staff, id, { reasons: ['name_mismatch', 'proof_unreadable'], numberIds: [], note: 'The CSR says "Summit Mktg Group LLC".', version: await version(id) });
}

test('staff asking for changes reaches the endpoint signed, with the reasons; after a 500 the same webhook-id comes again', async () => {
  const receiver = await startReceiver(t.defer, { answer: (_m, i) => (i === 0 ? 500 : 200) });
  const { secret } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.changes_needed']);
  const id = await submittedRequest(t.db, t.owner, t.summit);
  await askForChanges(id);

  expect(await deliverDueWebhooks({ db: t.db })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
  expect(receiver.received).toHaveLength(1);
  const first = receiver.received[0];
  const message = verified(secret, first);
  expect(message.type).toBe('port_request.changes_needed');
  expect(WEBHOOK_EVENT_SCHEMAS['port_request.changes_needed'].parse(message)).toBeTruthy();
  expect(message.data).toMatchObject({
    portRequest: { id, status: 'changes_needed', accountId: t.summit },
    reasons: [
      { code: 'name_mismatch', label: 'Customer name does not match the carrier’s record', numbers: [] },
      { code: 'proof_unreadable', action: expect.stringContaining('Upload a recent') },
    ],
    note: 'The CSR says "Summit Mktg Group LLC".',
  });

  // Not again before its time (5 s after the first try), then the same message, same id.
  expect(await deliverDueWebhooks({ db: t.db, now: later(1000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  expect(await deliverDueWebhooks({ db: t.db, now: later(RETRY_DELAYS_SECONDS[0] * 1000 + 1000) })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
  expect(receiver.received).toHaveLength(2);
  const second = receiver.received[1];
  expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
  expect(second.body).toBe(first.body);
  expect(verified(secret, second).type).toBe('port_request.changes_needed');

  const attempts = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, first.headers['webhook-id'])).orderBy(webhookAttempts.attemptedAt);
  expect(attempts.map((a) => a.statusCode)).toEqual([500, 200]);
  expect(attempts[0].error).toMatch(/HTTP 500/);
  // Delivered: nothing more goes out.
  expect(await deliverDueWebhooks({ db: t.db, now: later(48 * HOUR) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
});

test('a message is retried with backoff for more than 24 hours, then failed; the endpoint stays enabled before 5 days', async () => {
  const receiver = await startReceiver(t.defer, { answer: () => 503 });
  const { id: endpointId } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.changes_needed']);
  const id = await submittedRequest(t.db, t.owner, t.summit);
  await askForChanges(id);
  const start = new Date();
  let now = start;
  for (let attempt = 1; attempt <= MAX_WEBHOOK_ATTEMPTS; attempt++) {
    const report = await deliverDueWebhooks({ db: t.db, now });
    expect(report).toEqual(attempt < MAX_WEBHOOK_ATTEMPTS ? { delivered: 0, retrying: 1, failed: 0 } : { delivered: 0, retrying: 0, failed: 1 });
    if (attempt < MAX_WEBHOOK_ATTEMPTS) now = later(RETRY_DELAYS_SECONDS[attempt - 1] * 1000, now);
  }
  expect(now.getTime() - start.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
  expect(new Set(receiver.received.map((m) => m.headers['webhook-id'])).size).toBe(1);
  expect(receiver.received).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
  const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  expect(delivery).toMatchObject({ status: 'failed', attempts: MAX_WEBHOOK_ATTEMPTS, lastStatusCode: 503 });
  const [endpoint] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  expect(endpoint.status).toBe('enabled');
  expect(endpoint.failingSince).toEqual(start);
});

test('a request’s messages arrive in order at a slow, failing endpoint, one at a time, while two workers deliver', async () => {
  // The first message fails once; every answer takes 150 ms.
  const receiver = await startReceiver(t.defer, { answer: (_m, i) => (i === 0 ? 500 : 200), delayMs: 150 });
  const { secret } = await endpointFor(t.db, t.owner, t.summit, receiver.url);
  const id = await submittedRequest(t.db, t.owner, t.summit);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-08', focTime: '15:00', version: await version(id) });
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-09', focTime: '16:00', version: await version(id) });
  await addNote(t.db, t.staff, id, { body: 'The carrier confirmed by phone.', visibility: 'public' });
  const expected: WebhookEventType[] = [
    'loa.signed',
    'port_request.submitted',
    'port_request.review_started',
    'port_request.approved',
    'port_request.port_date_set',
    'port_request.port_date_changed',
    'port_request.note_added',
  ];
  // Only the first message is due: the others wait behind it, also while it waits for its retry.
  await Promise.all([deliverDueWebhooks({ db: t.db }), deliverDueWebhooks({ db: t.db })]);
  expect(receiver.received.map((m) => m.json.type)).toEqual(['loa.signed']);
  await Promise.all([deliverDueWebhooks({ db: t.db, now: later(2000) }), deliverDueWebhooks({ db: t.db, now: later(2000) })]);
  expect(receiver.received).toHaveLength(1);

  for (let pass = 0; pass < 12; pass++) {
    const now = later(10_000);
    await Promise.all([deliverDueWebhooks({ db: t.db, now }), deliverDueWebhooks({ db: t.db, now })]);
  }
  const types = receiver.received.map((m) => m.json.type);
  expect(types).toEqual([expected[0], ...expected]);
  expect(receiver.maxInFlight).toBe(1);
  const messages = receiver.received.map((m) => verified(secret, m));
  for (const m of messages) expect(WEBHOOK_EVENT_SCHEMAS[m.type as WebhookEventType].safeParse(m).success).toBe(true);
  expect(messages[5].data).toMatchObject({ portDate: '2026-12-08T15:00:00.000Z', portRequest: { status: 'scheduled' } });
  expect(messages[6].data).toMatchObject({ portDate: '2026-12-09T16:00:00.000Z', previousPortDate: '2026-12-08T15:00:00.000Z' });
  expect(messages[7].data).toMatchObject({ note: { body: 'The carrier confirmed by phone.', author: 'porting_team' } });
});

test('Harbor Legal’s endpoint hears nothing of Summit; an agency’s endpoint hears its sub-accounts’ requests', async () => {
  const harbor = await startReceiver(t.defer);
  const summit = await startReceiver(t.defer);
  await endpointFor(t.db, t.harbor, t.harborLegal, harbor.url);
  await endpointFor(t.db, t.owner, t.summit, summit.url, ['port_request.submitted']);
  const own = await submittedRequest(t.db, t.owner, t.summit);
  const dental = await submittedRequest(t.db, t.owner, t.summitDental);
  await askForChanges(own);
  await deliverDueWebhooks({ db: t.db });
  expect(harbor.received).toHaveLength(0);
  // Subscribed to submitted only: the changes are not sent.
  expect(summit.received.map((m) => [m.json.type, m.json.data.portRequest.id, m.json.data.portRequest.accountId])).toEqual(
    expect.arrayContaining([
      ['port_request.submitted', own, t.summit],
      ['port_request.submitted', dental, t.summitDental],
    ]),
  );
  expect(summit.received).toHaveLength(2);
});

test('a disabled endpoint is not sent the events of while it was disabled', async () => {
  const receiver = await startReceiver(t.defer);
  const { id: endpointId } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.changes_needed']);
  await setWebhookEndpointEnabled(t.db, t.owner, endpointId, false);
  const id = await submittedRequest(t.db, t.owner, t.summit);
  await askForChanges(id);
  // Disabled when the event happened: not queued at all (it was not listening).
  await setWebhookEndpointEnabled(t.db, t.owner, endpointId, true);
  await deliverDueWebhooks({ db: t.db });
  expect(receiver.received).toHaveLength(0);

  const other = await submittedRequest(t.db, t.owner, t.summit);
  await setWebhookEndpointEnabled(t.db, t.owner, endpointId, false);
  await askForChanges(other);
  const queued = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  expect(queued).toHaveLength(0);
});

test('an endpoint failing for 5 days straight is disabled, and its account’s admins are emailed', async () => {
  let down = true;
  const receiver = await startReceiver(t.defer, { answer: () => (down ? 500 : 200) });
  const { id: endpointId } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.submitted', 'port_request.changes_needed']);
  const start = new Date();
  await submittedRequest(t.db, t.owner, t.summit);
  await deliverDueWebhooks({ db: t.db, now: start });

  // A success in between ends the streak.
  down = false;
  await deliverDueWebhooks({ db: t.db, now: later(2 * 24 * HOUR, start) });
  expect((await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)))[0].failingSince).toBeNull();

  down = true;
  const id = await submittedRequest(t.db, t.owner, t.summit);
  const streakStart = later(3 * 24 * HOUR, start);
  await deliverDueWebhooks({ db: t.db, now: streakStart });
  await askForChanges(id);
  // 4 days into the streak: still enabled (the changes wait behind the failing submitted message of the same request).
  await deliverDueWebhooks({ db: t.db, now: later(4 * 24 * HOUR, streakStart) });
  expect((await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)))[0].status).toBe('enabled');
  // 5 days into it: disabled at the next failure, once.
  await deliverDueWebhooks({ db: t.db, now: later(5 * 24 * HOUR + 1000, streakStart) });
  const [endpoint] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  expect(endpoint).toMatchObject({ status: 'disabled', disabledReason: expect.stringContaining('5 days') });
  const emails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'webhook-endpoint-disabled'));
  expect(emails).toHaveLength(1);
  expect(emails[0].toAddresses).toContain('owner@summit.example');
  expect(emails[0].props).toMatchObject({ endpointUrl: receiver.url, endpointPageUrl: `http://localhost:3000/numbers/port/api/webhooks/${endpointId}` });

  // Disabled: nothing more is tried, and nothing is lost.
  const before = receiver.received.length;
  await deliverDueWebhooks({ db: t.db, now: later(6 * 24 * HOUR, streakStart) });
  expect(receiver.received).toHaveLength(before);
  const waiting = await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
  expect(waiting.length).toBeGreaterThan(0);
});

test('during a rotation messages carry both signatures; each secret verifies; after 24 hours only the new one signs', async () => {
  const receiver = await startReceiver(t.defer);
  const { id: endpointId, secret: oldSecret } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.submitted', 'port_request.changes_needed']);
  const { secret: newSecret } = await rotateWebhookSecret(t.db, t.owner, endpointId);
  expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(newSecret).not.toBe(oldSecret);
  const id = await submittedRequest(t.db, t.owner, t.summit);
  await deliverDueWebhooks({ db: t.db });
  const [during] = receiver.received;
  expect(during.headers['webhook-signature'].split(' ')).toHaveLength(2);
  expect(verified(oldSecret, during).type).toBe('port_request.submitted');
  expect(verified(newSecret, during).type).toBe('port_request.submitted');

  await askForChanges(id);
  await deliverDueWebhooks({ db: t.db, now: later(25 * HOUR) });
  const after = receiver.received[1];
  expect(after.headers['webhook-signature'].split(' ')).toHaveLength(1);
  expect(verified(newSecret, after).type).toBe('port_request.changes_needed');
  expect(() => verified(oldSecret, after)).toThrow();
});

test('a crash mid-send leaves the message claimable after its lease, with the same webhook-id', async () => {
  const receiver = await startReceiver(t.defer);
  const { id: endpointId } = await endpointFor(t.db, t.owner, t.summit, receiver.url, ['port_request.submitted']);
  await submittedRequest(t.db, t.owner, t.summit);
  // A worker claimed it and died before recording anything.
  const claimedAt = new Date();
  await t.db.update(webhookDeliveries).set({ status: 'sending', attempts: 1, lockedUntil: later(60_000, claimedAt) }).where(eq(webhookDeliveries.endpointId, endpointId));
  expect(await deliverDueWebhooks({ db: t.db, now: later(30_000, claimedAt) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  expect(await deliverDueWebhooks({ db: t.db, now: later(61_000, claimedAt) })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
  const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  expect(receiver.received.map((m) => m.headers['webhook-id'])).toEqual([delivery.id]);
  expect(delivery.attempts).toBe(2);
});

test('no PIN in any payload, through a whole request', async () => {
  const PIN = '730194';
  const receiver = await startReceiver(t.defer);
  await endpointFor(t.db, t.owner, t.summit, receiver.url);
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await saveCustomerStep(t.db, t.owner, id, {
    customerName: 'Summit Marketing Group LLC',
    carrierAccountNumber: '8834-2219',
    accountPin: PIN,
    portType: 'full',
    billingTelephoneNumber: undefined,
    btnIsPorting: undefined,
  });
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  await requestChanges(t.db, t.staff, id, { reasons: ['pin_mismatch'], numberIds: [], note: undefined, version: await version(id) });
  await saveCustomerStep(t.db, t.owner, id, {
    customerName: 'Summit Marketing Group LLC',
    carrierAccountNumber: '8834-2219',
    accountPin: PIN,
    portType: 'full',
    billingTelephoneNumber: undefined,
    btnIsPorting: undefined,
  });
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-08', focTime: '15:00', version: await version(id) });
  await markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id) }, new Date('2026-12-08T15:30:00Z'));
  // One message of a request per pass (each waits for the one before it).
  for (let i = 0; i < 20; i++) await deliverDueWebhooks({ db: t.db });

  const types = receiver.received.map((m) => m.json.type);
  expect(types).toEqual(expect.arrayContaining(['loa.signed', 'port_request.submitted', 'port_request.changes_needed', 'port_request.approved', 'port_request.numbers_ported', 'port_request.completed']));
  const stored = await t.db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries);
  expect(stored.length).toBe(receiver.received.length);
  for (const text of [...receiver.received.map((m) => m.body), ...stored.map((s) => JSON.stringify(s.payload))]) expect(text).not.toContain(PIN);
});
