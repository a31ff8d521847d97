import { and, eq, inArray } from 'drizzle-orm';
import { outboxEmails, portRequestEvents, portRequests, trackingNumbers } from '@/db/schema';
import { NotFoundError, StateError } from '@/lib/errors';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { activateSmsNow, markSmsException } from '@/lib/porting/review/sms-activation';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, scheduleSoon, signDraft, TEST_PIN } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const eventsOf = (id: string, type: string) => t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, type)));
const emailsAbout = (id: string) => t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`));
const smsOf = async (numbers: string[]) =>
  Object.fromEntries((await t.db.select().from(trackingNumbers).where(inArray(trackingNumbers.number, numbers))).map((row) => [row.number, row.smsStatus]));

async function approvedRequest(numbers: string[]) {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, numbers);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  return id;
}

test('the PIN of a draft never sent cannot be revealed, as the console does not show it; a submitted one still can', async () => {
  const draft = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await expect(revealAccountPin(t.db, t.staff, draft)).rejects.toThrow(NotFoundError);
  expect(await eventsOf(draft, 'pin_revealed')).toHaveLength(0);

  await signDraft(t.db, t.owner, draft);
  await submitPortRequest(t.db, t.owner, draft, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  expect(await revealAccountPin(t.db, t.staff, draft)).toBe(TEST_PIN);
  const events = await eventsOf(draft, 'pin_revealed');
  expect(events).toHaveLength(1);
  expect(events[0].actorUserId).toBe(t.staff.userId);
});

test('SMS decisions on numbers not yet ported are refused and change nothing', async () => {
  const number = t.freshNumber();
  const id = await approvedRequest([number]);
  const before = { version: await version(id), emails: (await emailsAbout(id)).length };

  await expect(activateSmsNow(t.db, t.staff, id)).rejects.toThrow(StateError);
  await expect(markSmsException(t.db, t.staff, id, 'Carrier routing failed')).rejects.toThrow(/only for ported numbers/);

  expect(await eventsOf(id, 'sms_activated')).toHaveLength(0);
  expect(await eventsOf(id, 'sms_exception')).toHaveLength(0);
  expect(await smsOf([number])).toEqual({});
  expect({ version: await version(id), emails: (await emailsAbout(id)).length }).toEqual(before);
});

test('on ported numbers, activating SMS early and marking an exception still work', async () => {
  const [earlyNumber, failedNumber] = t.freshNumbers(2);
  const early = await approvedRequest([earlyNumber]);
  await scheduleSoon(t.db, t.staff, early);
  await markPorted(t.db, t.staff, early, { numberIds: [], version: await version(early), beforePortDate: 'yes' });
  expect(await activateSmsNow(t.db, t.staff, early)).toBe(1);
  expect(await smsOf([earlyNumber])).toEqual({ [earlyNumber]: 'active' });
  expect((await emailsAbout(early)).map((e) => e.template)).toContain('sms-enabled');

  const failed = await approvedRequest([failedNumber]);
  await scheduleSoon(t.db, t.staff, failed);
  await markPorted(t.db, t.staff, failed, { numberIds: [], version: await version(failed), beforePortDate: 'yes' });
  await markSmsException(t.db, t.staff, failed, 'Carrier routing failed');
  expect(await smsOf([failedNumber])).toEqual({ [failedNumber]: 'exception' });
  const [exception] = await eventsOf(failed, 'sms_exception');
  expect(exception).toMatchObject({ reason: 'Carrier routing failed', data: { numbers: [failedNumber] } });
});

test('"Mark ported" waits for a port date, and before that date needs the team to say the carrier moved the numbers', async () => {
  const { schedulePort } = await import('@/lib/porting/review/schedule-port');
  const { getMarkPortedConfirmation } = await import('@/lib/porting/review/mark-ported-confirmation');
  const [first, second] = t.freshNumbers(2);
  const id = await approvedRequest([first, second]);
  // Approved, no port date: nothing to mark, by the page or by a script.
  expect((await getMarkPortedConfirmation(t.db, t.staff, id, [])).refusal).toMatch(/once they have a port date/);
  await expect(markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id) })).rejects.toThrow(/port date/);
  expect(await trackingOf([first, second])).toEqual([]);

  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-15', focTime: '15:00', version: await version(id) });
  const fourteenDaysEarly = new Date('2026-12-01T12:00:00Z');
  const confirmation = await getMarkPortedConfirmation(t.db, t.staff, id, [], fourteenDaysEarly);
  expect({ numbers: confirmation.numbers.map((n) => n.number), beforePortDate: confirmation.beforePortDate }).toEqual({ numbers: [first, second], beforePortDate: true });
  // Before the date without the team's word: refused, naming the date; nothing written.
  const v = await version(id);
  await expect(markPorted(t.db, t.staff, id, { numberIds: [], version: v }, fourteenDaysEarly)).rejects.toThrow('The port date is 2026-12-15 15:00 UTC');
  expect([await version(id), await trackingOf([first, second])]).toEqual([v, []]);

  // Some of the numbers, chosen: the confirmation names exactly those, and only those port.
  const chosen = confirmation.numbers.find((n) => n.number === first)!;
  expect((await getMarkPortedConfirmation(t.db, t.staff, id, [chosen.id], fourteenDaysEarly)).numbers.map((n) => n.number)).toEqual([first]);
  await markPorted(t.db, t.staff, id, { numberIds: [chosen.id], version: v, beforePortDate: 'yes' }, fourteenDaysEarly);
  expect(await trackingOf([first, second])).toEqual([first]);
  // On the date, the rest port without it.
  await markPorted(t.db, t.staff, id, { numberIds: [], version: await version(id) }, new Date('2026-12-15T15:05:00Z'));
  expect(await trackingOf([first, second])).toEqual([first, second]);
  // An account user never gets the confirmation, even for their own request.
  await expect(getMarkPortedConfirmation(t.db, t.owner, id, [])).rejects.toThrow(NotFoundError);
});

async function trackingOf(numbers: string[]) {
  const rows = await t.db.select({ number: trackingNumbers.number }).from(trackingNumbers).where(inArray(trackingNumbers.number, numbers));
  return numbers.filter((n) => rows.some((r) => r.number === n));
}
