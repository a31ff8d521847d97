import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { openDatabase } from '@/db/client';
import { outboxEmails, portRequestEvents, portRequests, scheduledJobs, trackingNumbers } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { JOB_HANDLERS } from '@/lib/jobs/job-worker';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { rejectNumbers } from '@/lib/porting/review/reject-numbers';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { cancelPortRequest } from '@/lib/porting/cancel-port-request';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { saveAlternateRouting, listForwardingTrackingNumbers } from '@/lib/porting/wizard/numbers/routing';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { listTrackingNumbers } from '@/lib/tracking/list-tracking-numbers';
import type { Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { renderedEmails } from '../helpers/emails';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor, staff: Actor, harbor: Actor;
let summit: string;
const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];
const version = async (id: string) => (await handle.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  [owner, staff, harbor] = await Promise.all(['owner@summit.example', 'regulatory@porting.example', 'office@harbor.example'].map((e) => actorByEmail(handle.db, e)));
  summit = await accountIdByName(handle.db, 'Summit Marketing Group');
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

async function submittedRequest(numbers: string[]) {
  const id = await draftReadyToSign(handle.db, owner, summit, numbers);
  await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, id, proof());
  return id;
}

test('only the team decides, and a decision made on a stale page is refused', async () => {
  const id = await submittedRequest(['+14105550201']);
  await expect(startReview(handle.db, owner, id, await version(id))).rejects.toThrow(NotFoundError);
  await expect(revealAccountPin(handle.db, harbor, id)).rejects.toThrow(NotFoundError);
  const seen = await version(id);
  await startReview(handle.db, staff, id, seen);
  await expect(approveRequest(handle.db, staff, id, seen)).rejects.toThrow(/changed while you were looking/);
  await expect(startReview(handle.db, staff, id, await version(id))).rejects.toThrow(StateError);
});

test('revealing the PIN shows it to the team and records who looked', async () => {
  const id = await submittedRequest(['+14105550202']);
  expect(await revealAccountPin(handle.db, staff, id)).toBe(TEST_PIN);
  const events = await handle.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, 'pin_revealed')));
  expect(events).toHaveLength(1);
  expect(events[0].actorUserId).toBe(staff.userId);
});

test('coded reasons reach the customer with what to do; fixing the name voids the LOA until signed again', async () => {
  const id = await submittedRequest(['+14105550203']);
  await startReview(handle.db, staff, id, await version(id));
  await requestChanges(handle.db, staff, id, { reasons: ['name_mismatch'], numberIds: [], note: 'The CSR says "Summit Mktg Group LLC".', version: await version(id) });

  const detail = await getPortRequestDetail(handle.db, owner, id);
  expect(detail.request.status).toBe('changes_needed');
  expect(detail.openChanges?.reasons).toEqual([{ code: 'name_mismatch' }]);
  const [email] = await renderedEmails(handle.db, and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'changes-needed')));
  expect(email.text).toContain('Customer name does not match');
  expect(email.text).toContain('Ask your current carrier for the customer service record');

  // Only the fields concerned open: the address is not one of them.
  await expect(addNumbersToDraft(handle.db, owner, id, [{ line: 1, numberToPort: '+14105550209' }], {})).rejects.toThrow(/did not ask for a change here/);
  await saveCustomerStep(handle.db, owner, id, { customerName: 'Summit Mktg Group LLC', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  await expect(submitPortRequest(handle.db, owner, id, [])).rejects.toThrow(/signed again/);
  await signDraft(handle.db, owner, id);
  expect(await submitPortRequest(handle.db, owner, id, [])).toEqual({ requestIds: [id], alreadySubmitted: false });
  const after = await getPortRequestDetail(handle.db, owner, id);
  expect(after.request.status).toBe('submitted');
  expect(after.openChanges).toBeNull();
  expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(['corrected', 'loa_voided']));
});

test('when the team says the PIN is wrong, keeping the old one is refused at the step and at resubmit; a new one goes through', async () => {
  const id = await submittedRequest(['+14105550229']);
  await startReview(handle.db, staff, id, await version(id));
  await requestChanges(handle.db, staff, id, { reasons: ['pin_invalid'], numberIds: [], note: undefined, version: await version(id) });
  const customer = { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', portType: 'full' as const, billingTelephoneNumber: undefined, btnIsPorting: undefined };
  await expect(saveCustomerStep(handle.db, owner, id, { ...customer, accountPin: undefined })).rejects.toThrow(/asked for a new account PIN/);
  // Skipping step 4 altogether does not get past "Resubmit" either.
  await expect(submitPortRequest(handle.db, owner, id, [])).rejects.toThrow(/new account PIN: enter it in step 4/);
  await saveCustomerStep(handle.db, owner, id, { ...customer, accountPin: '7777' });
  expect(await submitPortRequest(handle.db, owner, id, [])).toEqual({ requestIds: [id], alreadySubmitted: false });
  expect(await revealAccountPin(handle.db, staff, id)).toBe('7777');
});

test('a partial rejection lets the rest port; completion makes tracking numbers, applies routing, and SMS waits', async () => {
  const id = await draftReadyToSign(handle.db, owner, summit, ['+14105550204', '+14105550205']);
  // Make the request also port the active receiving number of two tracking numbers, with a new route.
  const [routed] = await addNumbersToDraft(handle.db, owner, id, [{ line: 1, numberToPort: '+14105550000' }], { receivingNumber: '+14105550199', trackingSourceName: 'Direct' });
  expect(routed.code).toBe('needs_alternate_routing');
  const request = await findPortRequest(handle.db, owner, id);
  const forwarding = await listForwardingTrackingNumbers(handle.db, owner, request);
  await saveAlternateRouting(handle.db, owner, id, Object.fromEntries(forwarding.map((f) => [f.trackingNumberId, '+14105550198'])));
  await completeNumbersStep(handle.db, owner, id);
  await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, id, proof());

  await startReview(handle.db, staff, id, await version(id));
  await approveRequest(handle.db, staff, id, await version(id));
  await schedulePort(handle.db, staff, id, { focDate: '2026-12-08', focTime: '15:00', version: await version(id) });
  const scheduledEmail = (await handle.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'port-date-scheduled')))[0];
  const ics = Buffer.from(scheduledEmail.attachments[0].contentBase64, 'base64').toString();
  expect(ics).toContain('DTSTART:20261208T150000Z');

  const numbers = (await getPortRequestDetail(handle.db, staff, id)).numbers;
  const rejected = numbers.find((n) => n.number === '+14105550205')!;
  await rejectNumbers(handle.db, staff, id, { numberIds: [rejected.id], reason: 'The carrier says the number is disconnected.', version: await version(id) });
  const portedAt = new Date('2026-12-08T15:30:00Z');
  await markPorted(handle.db, staff, id, { numberIds: [], version: await version(id) }, portedAt);

  const detail = await getPortRequestDetail(handle.db, owner, id);
  expect(detail.request.status).toBe('completed');
  expect(Object.fromEntries(detail.numbers.map((n) => [n.number, n.status]))).toEqual({ '+14105550204': 'ported', '+14105550205': 'rejected', '+14105550000': 'ported' });

  const panel = await listTrackingNumbers(handle.db, owner, summit);
  expect(panel.find((t) => t.number === '+14105550204')).toMatchObject({ receivingNumber: '+14105550199', trackingSource: 'Google Ads', voiceStatus: 'active', smsStatus: 'pending' });
  expect(panel.find((t) => t.number === '+14105550205')).toBeUndefined();
  expect(panel.filter((t) => ['+14105550100', '+14105550101'].includes(t.number)).map((t) => t.receivingNumber)).toEqual(['+14105550198', '+14105550198']);

  const [job] = await handle.db.select().from(scheduledJobs).where(eq(scheduledJobs.kind, 'activate-sms'));
  expect(job.runAt.toISOString()).toBe('2026-12-11T15:00:00.000Z'); // 3 business days after Tuesday Dec 8
});

test('the SMS job survives a restart and runs once with two workers', async () => {
  const pending = await handle.db.select().from(trackingNumbers).where(eq(trackingNumbers.smsStatus, 'pending'));
  expect(pending.length).toBeGreaterThan(0);
  const before = await handle.db.select().from(scheduledJobs);
  expect(before.every((j) => j.status === 'pending')).toBe(true);

  // A restart: the jobs are rows in the database, not timers in a process.
  let db = handle.db;
  let restarted: DatabaseHandle | undefined;
  if (handle.dump) {
    restarted = await openDatabase({ kind: 'pglite', loadDataDir: await handle.dump() });
    db = restarted.db;
  }
  const early = await runDueJobs({ db, handlers: JOB_HANDLERS, now: new Date('2026-12-10T12:00:00Z') });
  expect(early.done).toBe(0);
  const later = new Date('2026-12-11T16:00:00Z');
  const [a, b] = await Promise.all([runDueJobs({ db, handlers: JOB_HANDLERS, now: later }), runDueJobs({ db, handlers: JOB_HANDLERS, now: later })]);
  expect(a.done + b.done).toBe(before.length);
  expect((await runDueJobs({ db, handlers: JOB_HANDLERS, now: later })).done).toBe(0);

  const active = await db.select().from(trackingNumbers).where(eq(trackingNumbers.smsStatus, 'active'));
  expect(active.map((t) => t.number)).toEqual(expect.arrayContaining(pending.map((p) => p.number)));
  const smsEmails = await db.select().from(outboxEmails).where(eq(outboxEmails.template, 'sms-enabled'));
  expect(smsEmails).toHaveLength(before.length);
  await restarted?.close();
});

test('a ported number cannot move to another sub-account until its request is completed', async () => {
  const { moveTrackingNumber } = await import('@/lib/tracking/move-tracking-number');
  const dental = await accountIdByName(handle.db, 'Summit Dental');
  const id = await submittedRequest(['+14105550206', '+14105550207']);
  await startReview(handle.db, staff, id, await version(id));
  await approveRequest(handle.db, staff, id, await version(id));
  const first = (await getPortRequestDetail(handle.db, staff, id)).numbers.find((n) => n.number === '+14105550206')!;
  await markPorted(handle.db, staff, id, { numberIds: [first.id], version: await version(id) });
  const [tracking] = await handle.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, '+14105550206'));

  await expect(moveTrackingNumber(handle.db, owner, tracking.id, dental)).rejects.toThrow(/still part of an open port request/);
  await expect(moveTrackingNumber(handle.db, harbor, tracking.id, dental)).rejects.toThrow(NotFoundError);
  await markPorted(handle.db, staff, id, { numberIds: [], version: await version(id) });
  await moveTrackingNumber(handle.db, owner, tracking.id, dental);
  const moved = (await listTrackingNumbers(handle.db, owner, dental)).find((t) => t.id === tracking.id);
  expect(moved).toMatchObject({ accountName: 'Summit Dental', trackingSource: 'Google Ads' });
});

test('two drafts of the same number: the second submission is refused and names the number', async () => {
  const first = await draftReadyToSign(handle.db, owner, summit, ['+14105550208']);
  const second = await draftReadyToSign(handle.db, owner, summit, ['+14105550208']);
  for (const id of [first, second]) await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, first, proof());
  await expect(submitPortRequest(handle.db, owner, second, proof())).rejects.toThrow(/\(410\) 555-0208 is already on the platform or in another port request/);
});

test('a cancel is refused once numbers have ported; rejecting the rest completes the request', async () => {
  const id = await submittedRequest(['+14105550210', '+14105550211']);
  await startReview(handle.db, staff, id, await version(id));
  await approveRequest(handle.db, staff, id, await version(id));
  const numbers = (await getPortRequestDetail(handle.db, staff, id)).numbers;
  await markPorted(handle.db, staff, id, { numberIds: [numbers[0].id], version: await version(id) });
  await requestChanges(handle.db, staff, id, { reasons: ['number_not_active'], numberIds: [numbers[1].id], version: await version(id) });
  await expect(cancelPortRequest(handle.db, staff, id, { version: await version(id) })).rejects.toThrow(/already ported/);
  await rejectNumbers(handle.db, staff, id, { numberIds: [numbers[1].id], reason: 'Disconnected at the carrier.', version: await version(id) });
  expect((await getPortRequestDetail(handle.db, owner, id)).request.status).toBe('completed');
});

test('a recipient who loses access to the account stops receiving updates', async () => {
  const { addRecipient } = await import('@/lib/porting/notes/recipients');
  const { requestUpdateRecipients: updateRecipients } = await import('@/lib/notifications/recipients');
  const { memberships } = await import('@/db/schema');
  const id = await submittedRequest(['+14105550212']);
  const analyst = await actorByEmail(handle.db, 'analyst@summit.example');
  await addRecipient(handle.db, owner, id, analyst.email);
  expect(await updateRecipients(handle.db, id)).toEqual(['owner@summit.example', 'analyst@summit.example']);
  await handle.db.delete(memberships).where(eq(memberships.userId, analyst.userId));
  expect(await updateRecipients(handle.db, id)).toEqual(['owner@summit.example']);
});

test('splitting a mixed draft keeps each alternate routing with its number', async () => {
  const { trackingSources } = await import('@/db/schema');
  const [source] = await handle.db.select().from(trackingSources).where(eq(trackingSources.accountId, summit)).limit(1);
  await handle.db.insert(trackingNumbers).values({ accountId: summit, number: '+14105550230', receivingNumber: '+14165550231', trackingSourceId: source.id });
  const id = await draftReadyToSign(handle.db, owner, summit, ['+14105550232']);
  await addNumbersToDraft(handle.db, owner, id, [{ line: 1, numberToPort: '+14165550231' }], { receivingNumber: '+14165550299', trackingSourceName: 'Direct' });
  const forwarding = await listForwardingTrackingNumbers(handle.db, owner, await findPortRequest(handle.db, owner, id));
  await saveAlternateRouting(handle.db, owner, id, { [forwarding[0].trackingNumberId]: '+14105550198' });
  await completeNumbersStep(handle.db, owner, id);
  await signDraft(handle.db, owner, id);
  const { requestIds } = await submitPortRequest(handle.db, owner, id, proof());
  const canadian = requestIds[1];
  await startReview(handle.db, staff, canadian, await version(canadian));
  await approveRequest(handle.db, staff, canadian, await version(canadian));
  await markPorted(handle.db, staff, canadian, { numberIds: [], version: await version(canadian) });
  const [rerouted] = await handle.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, '+14105550230'));
  expect(rerouted.receivingNumber).toBe('+14105550198');
});
