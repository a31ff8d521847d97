import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { outboxEmails, portRequestEvents, portRequests, trackingNumbers } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { activateSmsNow, markSmsException } from '@/lib/porting/review/sms-activation';
import { submitPortRequest } from '@/lib/porting/submission/submit-port-request';
import type { Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor, staff: Actor;
let summit: string;
const version = async (id: string) => (await handle.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const eventsOf = (id: string, type: string) => handle.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, type)));
const emailsAbout = (id: string) => handle.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`));
const smsOf = async (numbers: string[]) =>
  Object.fromEntries((await handle.db.select().from(trackingNumbers).where(inArray(trackingNumbers.number, numbers))).map((t) => [t.number, t.smsStatus]));

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  [owner, staff] = await Promise.all(['owner@summit.example', 'regulatory@porting.example'].map((e) => actorByEmail(handle.db, e)));
  summit = await accountIdByName(handle.db, 'Summit Marketing Group');
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

async function approvedRequest(numbers: string[]) {
  const id = await draftReadyToSign(handle.db, owner, summit, numbers);
  await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(handle.db, staff, id, await version(id));
  await approveRequest(handle.db, staff, id, await version(id));
  return id;
}

test('the PIN of a draft never sent cannot be revealed, as the console does not show it; a submitted one still can', async () => {
  const draft = await draftReadyToSign(handle.db, owner, summit, ['+14105550401']);
  await expect(revealAccountPin(handle.db, staff, draft)).rejects.toThrow(NotFoundError);
  expect(await eventsOf(draft, 'pin_revealed')).toHaveLength(0);

  await signDraft(handle.db, owner, draft);
  await submitPortRequest(handle.db, owner, draft, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  expect(await revealAccountPin(handle.db, staff, draft)).toBe(TEST_PIN);
  const events = await eventsOf(draft, 'pin_revealed');
  expect(events).toHaveLength(1);
  expect(events[0].actorUserId).toBe(staff.userId);
});

test('SMS decisions on numbers not yet ported are refused and change nothing', async () => {
  const id = await approvedRequest(['+14105550402']);
  const before = { version: await version(id), emails: (await emailsAbout(id)).length };

  await expect(activateSmsNow(handle.db, staff, id)).rejects.toThrow(StateError);
  await expect(markSmsException(handle.db, staff, id, 'Carrier routing failed')).rejects.toThrow(/only for ported numbers/);

  expect(await eventsOf(id, 'sms_activated')).toHaveLength(0);
  expect(await eventsOf(id, 'sms_exception')).toHaveLength(0);
  expect(await smsOf(['+14105550402'])).toEqual({});
  expect({ version: await version(id), emails: (await emailsAbout(id)).length }).toEqual(before);
});

test('on ported numbers, activating SMS early and marking an exception still work', async () => {
  const early = await approvedRequest(['+14105550403']);
  await markPorted(handle.db, staff, early, { numberIds: [], version: await version(early) });
  expect(await activateSmsNow(handle.db, staff, early)).toBe(1);
  expect(await smsOf(['+14105550403'])).toEqual({ '+14105550403': 'active' });
  expect((await emailsAbout(early)).map((e) => e.template)).toContain('sms-enabled');

  const failed = await approvedRequest(['+14105550404']);
  await markPorted(handle.db, staff, failed, { numberIds: [], version: await version(failed) });
  await markSmsException(handle.db, staff, failed, 'Carrier routing failed');
  expect(await smsOf(['+14105550404'])).toEqual({ '+14105550404': 'exception' });
  const [exception] = await eventsOf(failed, 'sms_exception');
  expect(exception).toMatchObject({ reason: 'Carrier routing failed', data: { numbers: ['+14105550404'] } });
});
