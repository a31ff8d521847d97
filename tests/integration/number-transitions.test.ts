/**
 * Issue 13: every write of a number's status goes through the number machine
 * (lib/porting/lifecycle/transition-numbers). Each service that moves numbers is tried with a
 * number in every status the machine forbids it to move from.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { portRequestNumbers, portRequests } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { cancelPortRequest } from '@/lib/porting/cancel-port-request';
import { canTransitionNumber, NUMBER_STATUSES, type PortNumberStatus } from '@/lib/porting/lifecycle/statuses';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { rejectNumbers } from '@/lib/porting/review/reject-numbers';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import type { Storage } from '@/lib/storage/s3';
import { addBusinessDays, isoDate, todayUtc } from '@/lib/porting/business-days';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor, staff: Actor;
let summit: string;
let next = 500;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  owner = await actorByEmail(handle.db, 'owner@summit.example');
  staff = await actorByEmail(handle.db, 'regulatory@porting.example');
  summit = await accountIdByName(handle.db, 'Summit Marketing Group');
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

const version = async (id: string) => (await handle.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const fresh = (n: number) => Array.from({ length: n }, () => `+1410555${String(next++).padStart(4, '0')}`);

/** A request in `stage` whose numbers are then set, one per entry, to the statuses given (the setup, not a service). */
async function requestWith(stage: 'in_review' | 'approved', statuses: PortNumberStatus[]) {
  const id = await draftReadyToSign(handle.db, owner, summit, fresh(statuses.length));
  await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(handle.db, staff, id, await version(id));
  if (stage === 'approved') await approveRequest(handle.db, staff, id, await version(id));
  const numbers = await handle.db.select({ id: portRequestNumbers.id }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, id)).orderBy(portRequestNumbers.position);
  for (const [i, n] of numbers.entries()) await handle.db.update(portRequestNumbers).set({ status: statuses[i] }).where(eq(portRequestNumbers.id, n.id));
  return { id, numberIds: numbers.map((n) => n.id) };
}

const statusesOf = async (ids: string[]) => {
  const rows = await handle.db.select({ id: portRequestNumbers.id, status: portRequestNumbers.status }).from(portRequestNumbers).where(inArray(portRequestNumbers.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
};

// The services that move chosen numbers: each forbidden "from" is refused, and nothing is written.
const CHOSEN = {
  'Mark ported': { to: 'ported' as const, run: (id: string, numberIds: string[], v: number) => markPorted(handle.db, staff, id, { numberIds, version: v }) },
  'Reject numbers': { to: 'rejected' as const, run: (id: string, numberIds: string[], v: number) => rejectNumbers(handle.db, staff, id, { numberIds, reason: 'Disconnected at the carrier.', version: v }) },
};

describe.each(Object.entries(CHOSEN))('%s', (_name, service) => {
  const forbidden = NUMBER_STATUSES.filter((from) => !canTransitionNumber(from, service.to));
  test.each(forbidden)(`refuses a number that is %s, and writes nothing`, async (from) => {
    // A second, approved number keeps the decision open, so the number machine is what refuses.
    const { id, numberIds } = await requestWith('approved', [from, 'approved']);
    const v = await version(id);
    await expect(service.run(id, [numberIds[0]], v)).rejects.toThrow(StateError);
    expect(await statusesOf(numberIds)).toEqual([from, 'approved']);
    expect(await version(id)).toBe(v);
  });
});

// The decisions that carry the request's numbers along: only the numbers the machine lets move do.
test.each([
  { decision: 'Approve', stage: 'in_review' as const, to: 'approved' as const, run: async (id: string) => approveRequest(handle.db, staff, id, await version(id)) },
  {
    decision: 'Set port date',
    stage: 'approved' as const,
    to: 'scheduled' as const,
    run: async (id: string) => schedulePort(handle.db, staff, id, { focDate: isoDate(addBusinessDays(todayUtc(), 5)), focTime: '15:00', version: await version(id) }),
  },
  { decision: 'Cancel', stage: 'approved' as const, to: 'cancelled' as const, run: async (id: string) => cancelPortRequest(handle.db, staff, id, { version: await version(id) }) },
])('$decision moves only the numbers the machine allows to become $to', async ({ stage, to, run }) => {
  // Every status but ported (a ported number stops a cancel, and is not part of the other two cases).
  const statuses = NUMBER_STATUSES.filter((s) => s !== 'ported');
  const { id, numberIds } = await requestWith(stage, statuses);
  await run(id);
  expect(await statusesOf(numberIds)).toEqual(statuses.map((from) => (canTransitionNumber(from, to) ? to : from)));
});
