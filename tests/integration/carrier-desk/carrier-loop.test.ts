/**
 * Issue 15, the regulatory team with the upstream carrier: "Submit to carrier" and then nothing to
 * click on the happy path. The carrier is the sandbox behind the real adapter (tests/helpers/carrier.ts);
 * its webhooks go to the webhook service, its clock is moved by the test. Rules: docs/carrier.md.
 */
import { and, eq } from 'drizzle-orm';
import { carrierOrders, carrierWebhookEvents, changeRequests, outboxEmails, portRequestEvents, portRequestNotes, portRequests, scheduledJobs, trackingNumbers } from '@/db/schema';
import { POST as carrierWebhookRoute } from '@/app/api/carrier/webhooks/route';
import { JOB_HANDLERS } from '@/lib/jobs/job-worker';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { getCarrierPanel } from '@/lib/porting/carrier/get-carrier-panel';
import { receiveCarrierWebhook } from '@/lib/porting/carrier/receive-carrier-webhook';
import { submitToCarrier } from '@/lib/porting/carrier/submit-to-carrier';
import { allowedDecisions } from '@/lib/porting/lifecycle/decisions';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { saveAgreementStep } from '@/lib/porting/wizard/agreement';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { startTestCarrier, HOUR, type TestCarrier } from '../../helpers/carrier';
import { renderedEmails } from '../../helpers/emails';
import { tinyPng } from '../../helpers/files';
import { draftThroughNumbers, signDraft } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';
import { formatZonedDateTime } from '@/lib/format/zoned-time';
import { holdsSecret } from '../../helpers/holds-secret';

const t = setupTestContext();
let tc: TestCarrier;
/** Every webhook the carrier sent, as received (for replays), and what the service answered. */
let delivered: { body: string; headers: Record<string, string>; outcome: string }[];

beforeEach(async () => {
  delivered = [];
  tc = await startTestCarrier({
    onWebhook: async (body, headers) => {
      // Received at the real time, as the route does (the sandbox's clock only runs ahead of it).
      const outcome = await receiveCarrierWebhook(t.db, body, headers);
      delivered.push({ body, headers, outcome });
    },
  });
});
afterEach(async () => {
  await tc.close();
});

const carrierNow = () => new Date(tc.sandbox.now());
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const requestOf = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];
const rowsOf = (id: string) => t.db.select().from(carrierOrders).where(eq(carrierOrders.portRequestId, id));
const eventsOf = (id: string, type: string) => t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, type)));
const runJobs = (now = carrierNow()) => runDueJobs({ db: t.db, handlers: JOB_HANDLERS, now });

/** Moves the carrier's clock and waits for the webhooks that fall due to be handled. */
async function advance(ms: number) {
  tc.sandbox.advance(ms);
  await tc.sandbox.flushWebhooks();
}

/** A US number the sandbox ports at the FOC by itself (fast-port numbers end in 7). */
function plainNumber(): string {
  for (;;) {
    const n = t.freshNumber();
    if (!n.endsWith('7')) return n;
  }
}

/** A request of the owner's through every step, approved by the team: what "Submit to carrier" starts from. */
async function approvedRequest(options: { numbers?: string[]; pin?: string; postalCode?: string } = {}) {
  const id = await draftThroughNumbers(t.db, t.owner, t.summit, options.numbers ?? [plainNumber()]);
  await saveCustomerStep(t.db, t.owner, id, {
    customerName: 'Summit Marketing Group LLC',
    carrierAccountNumber: '8834-2219',
    accountPin: options.pin ?? '48213',
    portType: 'full',
    billingTelephoneNumber: undefined,
    btnIsPorting: undefined,
  });
  await saveAddressStep(t.db, t.owner, id, { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: options.postalCode ?? '21202', country: 'US' });
  await saveAgreementStep(t.db, t.owner, id);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  return id;
}

/** The team's one click, then the placing job. */
async function submitted(id: string) {
  await submitToCarrier(t.db, t.staff, id, await version(id), carrierNow());
  await runJobs();
  await tc.sandbox.flushWebhooks();
}

test('the full loop: submit, FOC (the port-date email with its .ics), ported (tracking numbers, SMS pending), messaging ported (SMS on), and the team clicks nothing after submit', async () => {
  const number = plainNumber();
  const id = await approvedRequest({ numbers: [number] });
  expect(allowedDecisions('approved', ['approved'], { carrierConfigured: true }).has('submit_to_carrier')).toBe(true);
  await submitted(id);

  const [row] = await rowsOf(id);
  expect(row).toMatchObject({ status: 'submitted', numbers: [number], lastError: null });
  expect(row.externalId).toEqual(tc.sandbox.orders()[0].id);
  expect((await getCarrierPanel(t.db, t.staff, id))?.orders[0]).toMatchObject({ externalId: row.externalId, statusLabel: 'Submitted, waiting for the FOC' });

  // An hour later the carrier confirms the FOC: scheduled through the same transition as the console.
  await advance(HOUR + 60_000);
  const scheduled = await requestOf(id);
  expect(scheduled.status).toBe('scheduled');
  const foc = tc.sandbox.orders()[0].focConfirmed!;
  expect(scheduled.focDate?.toISOString()).toBe(new Date(foc).toISOString());
  const [email] = await renderedEmails(t.db, and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'port-date-scheduled')));
  expect(email.attachments.map((a) => a.filename)).toEqual(['port-date.ics']);
  // The port time as the customer reads it: in the zone of the billing address (Maryland), named.
  expect(email.text).toContain(`${formatZonedDateTime(new Date(foc), 'America/New_York').toUpperCase()}`);
  expect(email.text).toContain('The time is Eastern Time (New York)');

  // At the FOC the numbers port: tracking numbers, voice active, SMS pending.
  await advance(new Date(foc).getTime() - tc.sandbox.now() + 60_000);
  expect((await requestOf(id)).status).toBe('completed');
  const [tracking] = await t.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, number));
  expect(tracking).toMatchObject({ voiceStatus: 'active', smsStatus: 'pending', portRequestId: id });

  // A day later messaging ported at the carrier: SMS is on at once, not after the three-business-day timer.
  await advance(24 * HOUR + 60_000);
  const [texting] = await t.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, number));
  expect(texting.smsStatus).toBe('active');

  // Nobody on the team did anything after "Submit to carrier"; the customer reads "the carrier".
  const byStaff = await t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.actorUserId, t.staff.userId)));
  expect(byStaff.map((e) => e.type).at(-1)).toBe('carrier_order_queued');
  const { events } = await getPortRequestDetail(t.db, t.owner, id);
  expect(events.filter((e) => e.actorName === 'the carrier').map((e) => e.type)).toEqual(expect.arrayContaining(['status_changed', 'numbers_ported', 'sms_activated']));
  expect(events.map((e) => e.type)).not.toContain('carrier_order_placed');
  expect(delivered.every((d) => d.outcome === 'applied')).toBe(true);
});

test('a PIN-invalid exception becomes a carrier change request the customer fixes; the resubmission updates the carrier order, which goes back to submitted and then FOC', async () => {
  const id = await approvedRequest({ pin: '0000' });
  await submitted(id);
  await advance(HOUR + 60_000);

  const request = await requestOf(id);
  expect(request.status).toBe('changes_needed');
  const [change] = await t.db.select().from(changeRequests).where(eq(changeRequests.portRequestId, id));
  expect(change).toMatchObject({ source: 'carrier', requestedByUserId: null, reasons: [{ code: 'pin_invalid' }] });
  const detail = await getPortRequestDetail(t.db, t.owner, id);
  expect(detail.openChanges?.reasons).toEqual([{ code: 'pin_invalid' }]);
  const [email] = await renderedEmails(t.db, and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'changes-needed')));
  expect(email.text).toContain('Account PIN is missing or invalid');

  // The customer enters a new PIN and resubmits: straight back to approved, the corrections on their way.
  await saveCustomerStep(t.db, t.owner, id, { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: '55123', portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  await submitPortRequest(t.db, t.owner, id, []);
  expect((await requestOf(id)).status).toBe('approved');
  await runJobs();
  await tc.sandbox.flushWebhooks();
  expect(tc.sandbox.orders()[0].status).toBe('submitted');
  const [updated] = await eventsOf(id, 'carrier_order_updated');
  expect(updated.data).toMatchObject({ fields: expect.arrayContaining(['pin', 'accountNumber']) });
  expect(holdsSecret(JSON.stringify(updated.data), '55123')).toBe(false);

  await advance(HOUR + 60_000);
  expect(tc.sandbox.orders()[0].status).toBe('foc-date-confirmed');
  expect((await requestOf(id)).status).toBe('scheduled');
});

test('an address mismatch opens the address step; the corrected address (and the LOA signed again) go to the carrier order', async () => {
  const id = await approvedRequest({ postalCode: '99999' });
  await submitted(id);
  await advance(HOUR + 60_000);
  expect((await requestOf(id)).status).toBe('changes_needed');
  const [change] = await t.db.select().from(changeRequests).where(eq(changeRequests.portRequestId, id));
  expect(change.reasons).toEqual([{ code: 'address_mismatch' }]);

  await saveAddressStep(t.db, t.owner, id, { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' }, carrierNow());
  // The address is on the letter: changing it voided the signature, so the customer signs again.
  await expect(submitPortRequest(t.db, t.owner, id, [])).rejects.toThrow(/signed again/);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, []);
  expect((await requestOf(id)).status).toBe('approved');
  await runJobs(new Date(tc.sandbox.now() + 60_000));
  await tc.sandbox.flushWebhooks();
  const [updated] = await eventsOf(id, 'carrier_order_updated');
  expect(updated.data).toMatchObject({ fields: expect.arrayContaining(['serviceAddress', 'authorizedPerson', 'loa']), newLoa: true });
  expect(tc.sandbox.orders()[0].status).toBe('submitted');
  await advance(HOUR + 60_000);
  expect((await requestOf(id)).status).toBe('scheduled');
});

test('a webhook with a bad signature is refused with 401 by the route and changes nothing', async () => {
  const id = await approvedRequest();
  await submitted(id);
  const [good] = delivered;
  const before = await t.db.select().from(carrierWebhookEvents);
  const forged = good.body.replace('"submitted"', '"foc-date-confirmed"');
  const response = await carrierWebhookRoute(new Request('http://localhost/api/carrier/webhooks', { method: 'POST', body: forged, headers: good.headers }));
  expect(response.status).toBe(401);
  const unsigned = await carrierWebhookRoute(new Request('http://localhost/api/carrier/webhooks', { method: 'POST', body: good.body }));
  expect(unsigned.status).toBe(401);
  expect(await t.db.select().from(carrierWebhookEvents)).toHaveLength(before.length);
  expect((await requestOf(id)).status).toBe('approved');

  // The route takes a well-signed one (a replay here: 200, nothing more done).
  const replay = await carrierWebhookRoute(new Request('http://localhost/api/carrier/webhooks', { method: 'POST', body: good.body, headers: good.headers }));
  expect(replay.status).toBe(200);
});

test('the same webhook replayed is applied once', async () => {
  const id = await approvedRequest();
  await submitted(id);
  await advance(HOUR + 60_000);
  expect((await requestOf(id)).status).toBe('scheduled');
  const scheduledOnce = async () => (await eventsOf(id, 'status_changed')).filter((e) => e.toStatus === 'scheduled');
  expect(await scheduledOnce()).toHaveLength(1);
  const emails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`));

  for (const webhook of [...delivered]) {
    expect(await receiveCarrierWebhook(t.db, webhook.body, webhook.headers, carrierNow())).toBe('duplicate');
  }
  expect(await scheduledOnce()).toHaveLength(1);
  expect(await t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`))).toHaveLength(emails.length);
});

test('a lost webhook is recovered by the reconciliation job', async () => {
  const id = await approvedRequest();
  await submitted(id);
  tc.sandbox.setDropWebhooks(true);
  await advance(HOUR + 60_000);
  expect(tc.sandbox.orders()[0].status).toBe('foc-date-confirmed');
  expect((await requestOf(id)).status).toBe('approved');

  // The order has been quiet for three hours: the reconciliation job asks the carrier.
  await advance(3 * HOUR);
  await runJobs();
  const request = await requestOf(id);
  expect(request.status).toBe('scheduled');
  expect(request.focDate?.toISOString()).toBe(new Date(tc.sandbox.orders()[0].focConfirmed!).toISOString());
  // And it keeps watching while the order is open.
  const next = await t.db.select().from(scheduledJobs).where(and(eq(scheduledJobs.kind, 'carrier-reconcile'), eq(scheduledJobs.status, 'pending')));
  expect(next.length).toBeGreaterThan(0);
});

test('the carrier down at placement leaves the request approved with the error for the team, retries, and places one order once it is back', async () => {
  const id = await approvedRequest();
  tc.sandbox.setDown(true);
  await submitToCarrier(t.db, t.staff, id, await version(id), carrierNow());
  await runJobs();

  expect((await requestOf(id)).status).toBe('approved');
  const panel = await getCarrierPanel(t.db, t.staff, id);
  expect(panel?.orders).toHaveLength(1);
  expect(panel?.orders[0]).toMatchObject({ status: 'queued', externalId: null, attempts: 1 });
  expect(panel?.orders[0].lastError).toBeTruthy();
  expect(panel?.orders[0].nextAttemptAt?.getTime()).toBeGreaterThan(carrierNow().getTime());
  expect(tc.sandbox.orders()).toHaveLength(0);
  // No second order can be queued meanwhile.
  await expect(submitToCarrier(t.db, t.staff, id, await version(id), carrierNow())).rejects.toThrow(/no order open at the carrier/);

  tc.sandbox.setDown(false);
  await runJobs(new Date(tc.sandbox.now() + 10 * 60_000));
  await tc.sandbox.flushWebhooks();
  const rows = await rowsOf(id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'submitted', lastError: null });
  expect(tc.sandbox.orders()).toHaveLength(1);
  expect((await getCarrierPanel(t.db, t.staff, id))?.orders[0].lastError).toBeNull();
});

test('a team-only exception (a number with a special feature) reaches the team only', async () => {
  const id = await approvedRequest({ numbers: ['+14105550899'] });
  await submitted(id);
  await advance(HOUR + 60_000);

  expect((await requestOf(id)).status).toBe('approved');
  expect(await t.db.select().from(changeRequests).where(eq(changeRequests.portRequestId, id))).toHaveLength(0);
  const [exception] = await eventsOf(id, 'carrier_exception');
  expect(exception.data).toMatchObject({ teamOnly: ['PHONE_NUMBER_HAS_SPECIAL_FEATURE'], forCustomer: [] });
  const internal = await t.db.select().from(portRequestNotes).where(and(eq(portRequestNotes.portRequestId, id), eq(portRequestNotes.visibility, 'internal')));
  expect(internal.map((n) => n.body).join('\n')).toContain('PHONE_NUMBER_HAS_SPECIAL_FEATURE');

  const customer = await getPortRequestDetail(t.db, t.owner, id);
  const seen = JSON.stringify(customer.events) + (await renderedEmails(t.db, eq(outboxEmails.subjectRef, `port-request:${id}`))).map((e) => e.text).join('\n');
  expect(seen).not.toContain('SPECIAL_FEATURE');
  expect(seen).not.toContain('special feature');
  const team = await getPortRequestDetail(t.db, t.staff, id);
  expect(team.events.find((e) => e.type === 'carrier_exception')).toMatchObject({ actorName: 'the carrier' });
});
