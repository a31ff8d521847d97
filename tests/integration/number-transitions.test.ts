/**
 * Issue 13: every write of a number's status goes through the number machine
 * (lib/porting/lifecycle/transition-numbers). Each service that moves numbers is tried with a
 * number in every status the machine forbids it to move from.
 */
import { eq, inArray } from 'drizzle-orm';
import { portRequestNumbers, portRequests } from '@/db/schema';
import { StateError } from '@/lib/errors';
import { cancelPortRequest } from '@/lib/porting/cancel-port-request';
import { canMarkPorted, canTransitionNumber, NUMBER_STATUSES, type PortNumberStatus } from '@/lib/porting/lifecycle/statuses';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { markPorted } from '@/lib/porting/review/mark-ported';
import { rejectNumbers } from '@/lib/porting/review/reject-numbers';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { addBusinessDays, isoDate, todayUtc } from '@/lib/porting/business-days';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();

const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;

/** A request in `stage` whose numbers are then set, one per entry, to the statuses given (the setup, not a service). */
async function requestWith(stage: 'in_review' | 'approved', statuses: PortNumberStatus[]) {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, t.freshNumbers(statuses.length));
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  if (stage === 'approved') await approveRequest(t.db, t.staff, id, await version(id));
  const numbers = await t.db.select({ id: portRequestNumbers.id }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, id)).orderBy(portRequestNumbers.position);
  for (const [i, n] of numbers.entries()) await t.db.update(portRequestNumbers).set({ status: statuses[i] }).where(eq(portRequestNumbers.id, n.id));
  return { id, numberIds: numbers.map((n) => n.id) };
}

const statusesOf = async (ids: string[]) => {
  const rows = await t.db.select({ id: portRequestNumbers.id, status: portRequestNumbers.status }).from(portRequestNumbers).where(inArray(portRequestNumbers.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
};

// The services that move chosen numbers: each forbidden "from" is refused, and nothing is written.
// "Mark ported" by hand takes only numbers with a port date (canMarkPorted): an approved number
// without one is refused as well, though the carrier's word may port it.
const CHOSEN = {
  'Mark ported': {
    may: canMarkPorted,
    keeper: 'scheduled' as const,
    run: (id: string, numberIds: string[], v: number) => markPorted(t.db, t.staff, id, { numberIds, version: v, beforePortDate: 'yes' }),
  },
  'Reject numbers': {
    may: (from: PortNumberStatus) => canTransitionNumber(from, 'rejected'),
    keeper: 'approved' as const,
    run: (id: string, numberIds: string[], v: number) => rejectNumbers(t.db, t.staff, id, { numberIds, reason: 'Disconnected at the carrier.', version: v }),
  },
};

describe.each(Object.entries(CHOSEN))('%s', (_name, service) => {
  const forbidden = NUMBER_STATUSES.filter((from) => !service.may(from));
  test.each(forbidden)(`refuses a number that is %s, and writes nothing`, async (from) => {
    // A second number the decision may take keeps it open, so the number's own status is what refuses.
    const { id, numberIds } = await requestWith('approved', [from, service.keeper]);
    const v = await version(id);
    await expect(service.run(id, [numberIds[0]], v)).rejects.toThrow(StateError);
    expect(await statusesOf(numberIds)).toEqual([from, service.keeper]);
    expect(await version(id)).toBe(v);
  });
});

// The decisions that carry the request's numbers along: only the numbers the machine lets move do.
test.each([
  { decision: 'Approve', stage: 'in_review' as const, to: 'approved' as const, run: async (id: string) => approveRequest(t.db, t.staff, id, await version(id)) },
  {
    decision: 'Set port date',
    stage: 'approved' as const,
    to: 'scheduled' as const,
    run: async (id: string) => schedulePort(t.db, t.staff, id, { focDate: isoDate(addBusinessDays(todayUtc(), 5)), focTime: '15:00', version: await version(id) }),
  },
  { decision: 'Cancel', stage: 'approved' as const, to: 'cancelled' as const, run: async (id: string) => cancelPortRequest(t.db, t.staff, id, { version: await version(id) }) },
])('$decision moves only the numbers the machine allows to become $to', async ({ stage, to, run }) => {
  // Every status but ported (a ported number stops a cancel, and is not part of the other two cases).
  const statuses = NUMBER_STATUSES.filter((s) => s !== 'ported');
  const { id, numberIds } = await requestWith(stage, statuses);
  await run(id);
  expect(await statusesOf(numberIds)).toEqual(statuses.map((from) => (canTransitionNumber(from, to) ? to : from)));
});
