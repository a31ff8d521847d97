/**
 * Issue 15, what the team and the customer do with an order at the carrier: "Activate now" on a
 * fast-port order's FOC day, the carrier's rules for moving a confirmed port date, cancelling, the
 * carrier's comments as internal notes, and manual mode (no carrier: nothing of this is offered).
 */
import { and, eq, like } from 'drizzle-orm';
import { carrierOrders, outboxEmails, portRequestNotes, portRequests, trackingNumbers } from '@/db/schema';
import { setCarrier } from '@/lib/carrier/get-carrier';
import { NotFoundError } from '@/lib/errors';
import { JOB_HANDLERS } from '@/lib/jobs/job-worker';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { cancelPortRequest } from '@/lib/porting/cancel-port-request';
import { listNotes } from '@/lib/porting/notes/list-notes';
import { activateNow } from '@/lib/porting/carrier/activate-now';
import { getActivation } from '@/lib/porting/carrier/get-activation';
import { getCarrierPanel } from '@/lib/porting/carrier/get-carrier-panel';
import { receiveCarrierWebhook } from '@/lib/porting/carrier/receive-carrier-webhook';
import { FOC_CHANGE_RULES, requestFocChange } from '@/lib/porting/carrier/request-foc-change';
import { submitToCarrier } from '@/lib/porting/carrier/submit-to-carrier';
import { allowedDecisions } from '@/lib/porting/lifecycle/decisions';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import { startTestCarrier, DAY, HOUR, type TestCarrier } from '../../helpers/carrier';
import { submittedRequest } from '../../helpers/port-requests';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext();
let tc: TestCarrier;

beforeEach(async () => {
  tc = await startTestCarrier({ onWebhook: async (body, headers) => void (await receiveCarrierWebhook(t.db, body, headers)) });
});
afterEach(async () => {
  await tc.close();
});

const carrierNow = () => new Date(tc.sandbox.now());
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const requestOf = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];
const runJobs = (now = carrierNow()) => runDueJobs({ db: t.db, handlers: JOB_HANDLERS, now });
async function advance(ms: number) {
  tc.sandbox.advance(ms);
  await tc.sandbox.flushWebhooks();
}

/** A fresh US number that is (or is not) fast-port eligible: the sandbox's fast-port numbers end in 7. */
function number(fastPort: boolean): string {
  for (;;) {
    const n = t.freshNumber();
    if (n.endsWith('7') === fastPort) return n;
  }
}

/** Approved by the team, submitted to the carrier and placed. */
async function atCarrier(numbers: string[]) {
  const id = await submittedRequest(t.db, t.owner, t.summit, numbers);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await submitToCarrier(t.db, t.staff, id, await version(id), carrierNow());
  await runJobs();
  await tc.sandbox.flushWebhooks();
  return id;
}

/** A weekday (YYYY-MM-DD) `days` or more after the carrier's today. */
function nextWeekday(isoDay: string): string {
  const day = new Date(`${isoDay}T00:00:00Z`);
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

function weekdayAfter(days: number): string {
  const day = new Date(tc.sandbox.now() + days * DAY);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test('Activate now: offered to the customer on the FOC day inside the window of a fast-port order, and it ports the numbers at once', async () => {
  const fast = number(true);
  const id = await atCarrier([fast]);
  await advance(HOUR + 60_000);
  const [row] = await t.db.select().from(carrierOrders).where(eq(carrierOrders.portRequestId, id));
  expect(row).toMatchObject({ status: 'foc-date-confirmed', fastPortEligible: true });

  const before = await getActivation(t.db, t.owner, id);
  expect(before).toMatchObject({ canActivate: false, windowStartsAt: row.focConfirmedAt });
  await expect(activateNow(t.db, t.owner, id, carrierNow())).rejects.toThrow(/activation window/);
  await expect(getActivation(t.db, t.harbor, id)).rejects.toThrow(NotFoundError);

  await advance(row.focConfirmedAt!.getTime() - tc.sandbox.now() + 10 * 60_000);
  expect(await getActivation(t.db, t.owner, id)).toMatchObject({ canActivate: true });
  expect((await getCarrierPanel(t.db, t.staff, id))?.canActivate).toBe(true);
  await expect(activateNow(t.db, t.harbor, id, carrierNow())).rejects.toThrow(NotFoundError);
  await activateNow(t.db, t.owner, id, carrierNow());

  expect((await requestOf(id)).status).toBe('completed');
  const [tracking] = await t.db.select().from(trackingNumbers).where(eq(trackingNumbers.number, fast));
  expect(tracking).toMatchObject({ voiceStatus: 'active', smsStatus: 'pending' });
  expect(await getActivation(t.db, t.owner, id)).toBeNull();
});

test('a confirmed port date moves through the carrier (each new FOC reschedules and emails the customer), at most three times', async () => {
  const id = await atCarrier([number(false)]);
  await advance(HOUR + 60_000);
  expect((await requestOf(id)).status).toBe('scheduled');
  expect((await getCarrierPanel(t.db, t.staff, id))?.focChangeRules).toBe(FOC_CHANGE_RULES);

  // Three different weekdays, each after the one before: counted from the clock as it moves, two
  // of them could land on the same Monday (the loop's hours cross midnight, a weekend follows).
  let focDate = weekdayAfter(7);
  for (let change = 1; change <= 3; change += 1) {
    focDate = nextWeekday(focDate);
    // Within 48 hours of the confirmed FOC the change is best effort (the first FOC is 2 business days out: it depends on the hour).
    const confirmed = (await requestOf(id)).focDate!;
    const answer = await requestFocChange(t.db, t.staff, id, { focDate, focTime: '16:00', version: await version(id) }, carrierNow());
    expect(answer.bestEffort).toBe(confirmed.getTime() - tc.sandbox.now() < 48 * HOUR);
    await advance(HOUR + 60_000);
    expect((await requestOf(id)).focDate?.toISOString()).toBe(`${focDate}T16:00:00.000Z`);
    expect((await getCarrierPanel(t.db, t.staff, id))?.focChangesLeft).toBe(3 - change);
  }
  const changed = await t.db.select().from(outboxEmails).where(and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'port-date-changed')));
  expect(changed).toHaveLength(3);
  await expect(requestFocChange(t.db, t.staff, id, { focDate: weekdayAfter(14), focTime: '16:00', version: await version(id) }, carrierNow())).rejects.toThrow(/allows 3 changes/);
  await expect(requestFocChange(t.db, t.owner, id, { focDate: weekdayAfter(14), focTime: '16:00', version: await version(id) }, carrierNow())).rejects.toThrow(NotFoundError);
});

test('a new port date outside the carrier’s windows is refused with them named, and nothing is asked of the carrier', async () => {
  const id = await atCarrier([number(false)]);
  await advance(HOUR + 60_000);
  const before = tc.sandbox.orders()[0].focRequested;
  await expect(requestFocChange(t.db, t.staff, id, { focDate: weekdayAfter(8), focTime: '03:00', version: await version(id) }, carrierNow())).rejects.toThrow(
    /only inside its windows, e\.g\. \d{4}-\d\d-\d\d 15:00 UTC to \d{4}-\d\d-\d\d 23:00 UTC/,
  );
  expect(tc.sandbox.orders()[0].focRequested).toEqual(before);
  expect((await getCarrierPanel(t.db, t.staff, id))?.focChangesLeft).toBe(3);
});

test('cancelling a request cancels its order at the carrier too, and its port date can no longer be changed', async () => {
  const id = await atCarrier([number(false)]);
  await cancelPortRequest(t.db, t.owner, id, { reason: 'We stay with our carrier.', version: await version(id) }, carrierNow());
  await runJobs();
  expect(tc.sandbox.orders()[0].status).toBe('cancel-pending');
  await expect(requestFocChange(t.db, t.staff, id, { focDate: weekdayAfter(8), focTime: '16:00', version: await version(id) }, carrierNow())).rejects.toThrow(/only while the request is approved or scheduled/);
  await advance(HOUR + 60_000);
  expect(tc.sandbox.orders()[0].status).toBe('cancelled');
  const [row] = await t.db.select().from(carrierOrders).where(eq(carrierOrders.portRequestId, id));
  expect(row.status).toBe('cancelled');
  expect(row.closedAt).not.toBeNull();
});

test('the carrier’s comments become internal notes for the team, each copied once', async () => {
  const id = await atCarrier([number(false)]);
  const [row] = await t.db.select().from(carrierOrders).where(eq(carrierOrders.portRequestId, id));
  tc.sandbox.addCarrierComment(row.externalId!, 'Please confirm the suite number with the end user.');
  await tc.sandbox.flushWebhooks();
  const copied = () => t.db.select().from(portRequestNotes).where(and(eq(portRequestNotes.portRequestId, id), like(portRequestNotes.body, '%confirm the suite number%')));
  expect(await copied()).toMatchObject([{ visibility: 'internal' }]);
  // The team's thread says who wrote it (not "emailed": the customer never sees it).
  const thread = await listNotes(t.db, t.staff, id, new Date(), { markRead: false });
  expect(thread.notes.find((n) => n.body.includes('confirm the suite number'))).toMatchObject({ authorName: 'Carrier desk (automatic)' });
  expect((await listNotes(t.db, t.owner, id, new Date(), { markRead: false })).notes.some((n) => n.body.includes('confirm the suite number'))).toBe(false);

  // The reconciliation job reads the comments again three hours later: still one note.
  await advance(4 * HOUR);
  await runJobs();
  expect(await copied()).toHaveLength(1);
});

test('manual mode: no carrier, nothing of the carrier is offered, and the console decides by hand as before', async () => {
  setCarrier(null);
  const id = await submittedRequest(t.db, t.owner, t.summit, [number(false)]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  expect(allowedDecisions('approved', ['approved']).has('submit_to_carrier')).toBe(false);
  await expect(submitToCarrier(t.db, t.staff, id, await version(id))).rejects.toThrow(/No carrier is configured/);
  expect(await getCarrierPanel(t.db, t.staff, id)).toBeNull();
  expect(await getActivation(t.db, t.owner, id)).toBeNull();
  expect(await receiveCarrierWebhook(t.db, '{}', {})).toBe('ignored');

  await schedulePort(t.db, t.staff, id, { focDate: weekdayAfter(7), focTime: '15:00', version: await version(id) });
  await markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id), beforePortDate: 'yes' });
  expect((await requestOf(id)).status).toBe('completed');
});
