import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { outboxEmails, portRequestEvents, portRequests, scheduledJobs, trackingNumbers } from '@/db/schema';
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
import { renderedEmails } from '../helpers/emails';
import { tinyPng } from '../helpers/files';
import { displayed } from '../helpers/numbers';
import { draftReadyToSign, scheduleSoon, signDraft, TEST_PIN } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();
const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;

async function submittedRequest(numbers: string[]) {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, numbers);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, proof());
  return id;
}

/** A request ported on its date (Tuesday 2026-12-08, 15:00 UTC): its SMS waits for three business days. */
async function portedWithSmsWaiting() {
  const id = await submittedRequest(t.freshNumbers(2));
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-08', focTime: '15:00', version: await version(id) });
  await markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id) }, new Date('2026-12-08T15:30:00Z'));
  return id;
}

test('only the team decides, and a decision made on a stale page is refused', async () => {
  const id = await submittedRequest([t.freshNumber()]);
  await expect(startReview(t.db, t.owner, id, await version(id))).rejects.toThrow(NotFoundError);
  await expect(revealAccountPin(t.db, t.harbor, id)).rejects.toThrow(NotFoundError);
  const seen = await version(id);
  await startReview(t.db, t.staff, id, seen);
  await expect(approveRequest(t.db, t.staff, id, seen)).rejects.toThrow(/changed while you were looking/);
  await expect(startReview(t.db, t.staff, id, await version(id))).rejects.toThrow(StateError);
});

test('revealing the PIN shows it to the team and records who looked', async () => {
  const id = await submittedRequest([t.freshNumber()]);
  expect(await revealAccountPin(t.db, t.staff, id)).toBe(TEST_PIN);
  const events = await t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, 'pin_revealed')));
  expect(events).toHaveLength(1);
  expect(events[0].actorUserId).toBe(t.staff.userId);
});

test('coded reasons reach the customer with what to do; fixing the name voids the LOA until signed again', async () => {
  const id = await submittedRequest([t.freshNumber()]);
  await startReview(t.db, t.staff, id, await version(id));
  await requestChanges(t.db, t.staff, id, { reasons: ['name_mismatch'], numberIds: [], note: 'The CSR says "Summit Mktg Group LLC".', version: await version(id) });

  const detail = await getPortRequestDetail(t.db, t.owner, id);
  expect(detail.request.status).toBe('changes_needed');
  expect(detail.openChanges?.reasons).toEqual([{ code: 'name_mismatch' }]);
  const [email] = await renderedEmails(t.db, and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'changes-needed')));
  expect(email.text).toContain('Customer name does not match');
  expect(email.text).toContain('Ask your current carrier for the customer service record');

  // Only the fields concerned open: the address is not one of them.
  await expect(addNumbersToDraft(t.db, t.owner, id, [{ line: 1, numberToPort: t.freshNumber() }], {})).rejects.toThrow(/did not ask for a change here/);
  await saveCustomerStep(t.db, t.owner, id, { customerName: 'Summit Mktg Group LLC', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  await expect(submitPortRequest(t.db, t.owner, id, [])).rejects.toThrow(/signed again/);
  await signDraft(t.db, t.owner, id);
  expect(await submitPortRequest(t.db, t.owner, id, [])).toEqual({ requestIds: [id], alreadySubmitted: false });
  const after = await getPortRequestDetail(t.db, t.owner, id);
  expect(after.request.status).toBe('submitted');
  expect(after.openChanges).toBeNull();
  expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(['corrected', 'loa_voided']));
});

test('when the team says the PIN is wrong, keeping the old one is refused at the step and at resubmit; a new one goes through', async () => {
  const id = await submittedRequest([t.freshNumber()]);
  await startReview(t.db, t.staff, id, await version(id));
  await requestChanges(t.db, t.staff, id, { reasons: ['pin_invalid'], numberIds: [], note: undefined, version: await version(id) });
  const customer = { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', portType: 'full' as const, billingTelephoneNumber: undefined, btnIsPorting: undefined };
  await expect(saveCustomerStep(t.db, t.owner, id, { ...customer, accountPin: undefined })).rejects.toThrow(/A new account PIN is needed/);
  // Skipping step 4 altogether does not get past "Resubmit" either.
  await expect(submitPortRequest(t.db, t.owner, id, [])).rejects.toThrow(/new account PIN is needed: enter it in step 4/);
  await saveCustomerStep(t.db, t.owner, id, { ...customer, accountPin: '7777' });
  expect(await submitPortRequest(t.db, t.owner, id, [])).toEqual({ requestIds: [id], alreadySubmitted: false });
  expect(await revealAccountPin(t.db, t.staff, id)).toBe('7777');
});

test('a partial rejection lets the rest port; completion makes tracking numbers, applies routing, and SMS waits', async () => {
  const [portedNumber, rejectedNumber] = t.freshNumbers(2);
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [portedNumber, rejectedNumber]);
  // Make the request also port the active receiving number of two tracking numbers, with a new route.
  const [routed] = await addNumbersToDraft(t.db, t.owner, id, [{ line: 1, numberToPort: '+14105550000' }], { receivingNumber: '+14105550199', trackingSourceName: 'Direct' });
  expect(routed.code).toBe('needs_alternate_routing');
  const request = await findPortRequest(t.db, t.owner, id);
  const forwarding = await listForwardingTrackingNumbers(t.db, t.owner, request);
  await saveAlternateRouting(t.db, t.owner, id, Object.fromEntries(forwarding.map((f) => [f.trackingNumberId, '+14105550198'])));
  await completeNumbersStep(t.db, t.owner, id);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, proof());

  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-08', focTime: '15:00', version: await version(id) });
  const scheduledEmail = (await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'port-date-scheduled')))[0];
  const ics = Buffer.from(scheduledEmail.attachments[0].contentBase64, 'base64').toString();
  expect(ics).toContain('DTSTART:20261208T150000Z');

  const numbers = (await getPortRequestDetail(t.db, t.staff, id)).numbers;
  const rejected = numbers.find((n) => n.number === rejectedNumber)!;
  await rejectNumbers(t.db, t.staff, id, { numberIds: [rejected.id], reason: 'The carrier says the number is disconnected.', version: await version(id) });
  const portedAt = new Date('2026-12-08T15:30:00Z');
  await markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id) }, portedAt);

  const detail = await getPortRequestDetail(t.db, t.owner, id);
  expect(detail.request.status).toBe('completed');
  expect(Object.fromEntries(detail.numbers.map((n) => [n.number, n.status]))).toEqual({ [portedNumber]: 'ported', [rejectedNumber]: 'rejected', '+14105550000': 'ported' });

  const panel = await listTrackingNumbers(t.db, t.owner, t.summit);
  expect(panel.find((row) => row.number === portedNumber)).toMatchObject({ receivingNumber: '+14105550199', trackingSource: 'Google Ads', voiceStatus: 'active', smsStatus: 'pending' });
  expect(panel.find((row) => row.number === rejectedNumber)).toBeUndefined();
  expect(panel.filter((row) => ['+14105550100', '+14105550101'].includes(row.number)).map((row) => row.receivingNumber)).toEqual(['+14105550198', '+14105550198']);

  const [job] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.kind, 'activate-sms'));
  expect(job.runAt.toISOString()).toBe('2026-12-11T15:00:00.000Z'); // 3 business days after Tuesday Dec 8
});

test('the SMS job survives a restart and runs once with two workers', async () => {
  await portedWithSmsWaiting();
  const pending = await t.db.select().from(trackingNumbers).where(eq(trackingNumbers.smsStatus, 'pending'));
  expect(pending.length).toBeGreaterThan(0);
  const before = await t.db.select().from(scheduledJobs);
  expect(before.every((j) => j.status === 'pending')).toBe(true);

  // A restart: the jobs are rows in the database, not timers in a process.
  let db = t.db;
  if (t.handle.dump) {
    const reopened = await openDatabase({ kind: 'pglite', loadDataDir: await t.handle.dump() });
    t.defer(() => reopened.close());
    db = reopened.db;
  }
  const early = await runDueJobs({ db, handlers: JOB_HANDLERS, now: new Date('2026-12-10T12:00:00Z') });
  expect(early.done).toBe(0);
  const later = new Date('2026-12-11T16:00:00Z');
  const [a, b] = await Promise.all([runDueJobs({ db, handlers: JOB_HANDLERS, now: later }), runDueJobs({ db, handlers: JOB_HANDLERS, now: later })]);
  expect(a.done + b.done).toBe(before.length);
  expect((await runDueJobs({ db, handlers: JOB_HANDLERS, now: later })).done).toBe(0);

  const active = await db.select().from(trackingNumbers).where(eq(trackingNumbers.smsStatus, 'active'));
  expect(active.map((row) => row.number)).toEqual(expect.arrayContaining(pending.map((p) => p.number)));
  const smsEmails = await db.select().from(outboxEmails).where(eq(outboxEmails.template, 'sms-enabled'));
  expect(smsEmails).toHaveLength(before.length);
});

test('a ported number cannot move to another sub-account until its request is completed', async () => {
  const { moveTrackingNumber } = await import('@/lib/tracking/move-tracking-number');
  const dental = t.summitDental;
  const [movedNumber, otherNumber] = t.freshNumbers(2);
  const id = await submittedRequest([movedNumber, otherNumber]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await scheduleSoon(t.db, t.staff, id);
  const first = (await getPortRequestDetail(t.db, t.staff, id)).numbers.find((n) => n.number === movedNumber)!;
  await markPorted(t.db, t.staff, id, { numberIds: [first.id], version: await version(id), beforePortDate: 'yes' });
  const [tracking] = await t.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, movedNumber));

  await expect(moveTrackingNumber(t.db, t.owner, tracking.id, dental)).rejects.toThrow(/still part of an open port request/);
  await expect(moveTrackingNumber(t.db, t.harbor, tracking.id, dental)).rejects.toThrow(NotFoundError);
  await markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id), beforePortDate: 'yes' });
  await moveTrackingNumber(t.db, t.owner, tracking.id, dental);
  const moved = (await listTrackingNumbers(t.db, t.owner, dental)).find((row) => row.id === tracking.id);
  expect(moved).toMatchObject({ accountName: 'Summit Dental', trackingSource: 'Google Ads' });
});

test('two drafts of the same number: the second submission is refused and names the number', async () => {
  const number = t.freshNumber();
  const first = await draftReadyToSign(t.db, t.owner, t.summit, [number]);
  const second = await draftReadyToSign(t.db, t.owner, t.summit, [number]);
  for (const id of [first, second]) await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, first, proof());
  await expect(submitPortRequest(t.db, t.owner, second, proof())).rejects.toThrow(`${displayed(number)} is already on the platform or in another port request`);
});

test('a cancel is refused once numbers have ported; rejecting the rest completes the request', async () => {
  const id = await submittedRequest(t.freshNumbers(2));
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await scheduleSoon(t.db, t.staff, id);
  const numbers = (await getPortRequestDetail(t.db, t.staff, id)).numbers;
  await markPorted(t.db, t.staff, id, { numberIds: [numbers[0].id], version: await version(id), beforePortDate: 'yes' });
  await requestChanges(t.db, t.staff, id, { reasons: ['number_not_active'], numberIds: [numbers[1].id], version: await version(id) });
  await expect(cancelPortRequest(t.db, t.staff, id, { version: await version(id) })).rejects.toThrow(/already ported/);
  await rejectNumbers(t.db, t.staff, id, { numberIds: [numbers[1].id], reason: 'Disconnected at the carrier.', version: await version(id) });
  expect((await getPortRequestDetail(t.db, t.owner, id)).request.status).toBe('completed');
});

test('a recipient who loses access to the account stops receiving updates', async () => {
  const { addRecipient } = await import('@/lib/porting/notes/recipients');
  const { requestUpdateRecipients: updateRecipients } = await import('@/lib/notifications/recipients');
  const { memberships } = await import('@/db/schema');
  const id = await submittedRequest([t.freshNumber()]);
  const analyst = t.analyst;
  await addRecipient(t.db, t.owner, id, analyst.email);
  expect(await updateRecipients(t.db, id)).toEqual(['owner@summit.example', 'analyst@summit.example']);
  await t.db.delete(memberships).where(eq(memberships.userId, analyst.userId));
  expect(await updateRecipients(t.db, id)).toEqual(['owner@summit.example']);
});

test('splitting a mixed draft keeps each alternate routing with its number', async () => {
  const { trackingSources } = await import('@/db/schema');
  const [source] = await t.db.select().from(trackingSources).where(eq(trackingSources.accountId, t.summit)).limit(1);
  const [tracked, canadianReceiving] = [t.freshNumber(), t.freshNumber('CA')];
  await t.db.insert(trackingNumbers).values({ accountId: t.summit, number: tracked, receivingNumber: canadianReceiving, trackingSourceId: source.id });
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await addNumbersToDraft(t.db, t.owner, id, [{ line: 1, numberToPort: canadianReceiving }], { receivingNumber: '+14165550299', trackingSourceName: 'Direct' });
  const forwarding = await listForwardingTrackingNumbers(t.db, t.owner, await findPortRequest(t.db, t.owner, id));
  await saveAlternateRouting(t.db, t.owner, id, { [forwarding[0].trackingNumberId]: '+14105550198' });
  await completeNumbersStep(t.db, t.owner, id);
  await signDraft(t.db, t.owner, id);
  const { requestIds } = await submitPortRequest(t.db, t.owner, id, proof());
  const canadian = requestIds[1];
  await startReview(t.db, t.staff, canadian, await version(canadian));
  await approveRequest(t.db, t.staff, canadian, await version(canadian));
  await scheduleSoon(t.db, t.staff, canadian);
  await markPorted(t.db, t.staff, canadian, { numberIds: [], version: await version(canadian), beforePortDate: 'yes' });
  const [rerouted] = await t.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, tracked));
  expect(rerouted.receivingNumber).toBe('+14105550198');
});
