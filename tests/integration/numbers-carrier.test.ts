/**
 * The numbers step with the carrier: "Check Portability" and "Add to request" ask the carrier
 * (the sandbox behind the real adapter, or a stand-in where a test needs a carrier that fails in a
 * given way) about the lines our own pre-checks accept; the losing carrier it suggests; the split
 * of a mix of carriers at submission. Sandbox rules: docs/carrier.md (lib/carrier/sandbox/rules.ts).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { loaSignatures, portRequestNumbers, portRequests } from '@/db/schema';
import { setCarrier } from '@/lib/carrier/get-carrier';
import { CarrierError, type CarrierPortability, type PortingCarrier } from '@/lib/carrier/porting-carrier';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { getCarrierView } from '@/lib/porting/wizard/numbers/carrier-view';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import { runNumberLines } from '@/lib/porting/wizard/numbers/run-lines';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { apiCall, makeApiKey } from '../helpers/api';
import { startTestCarrier, type TestCarrier } from '../helpers/carrier';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, draftThroughCarrier, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext({ storage: true });
let sandbox: TestCarrier;
beforeAll(async () => {
  sandbox = await startTestCarrier();
});
afterAll(() => sandbox.close());
afterEach(() => {
  // Back to the sandbox after a test that put a stand-in (or none) in its place.
  sandbox.sandbox.setDown(false);
  setCarrier(sandbox.carrier);
});

const defaults = { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' };
const lines = (...numbers: string[]) => numbers.map((numberToPort, i) => ({ line: i + 1, numberToPort }));
// Sandbox numbers (each test has its own database, so hand-picked numbers meet nobody's):
// +1 410 555 xxxx is with Verizon Business, +1 410 556 xxxx with Comcast Business; a local number
// ending 0900-0999 is not portable; a US local number ending in 7 is fast-port.
const NOT_PORTABLE = '+14105550950';
const VERIZON_FAST = '+14105551237';
const COMCAST = ['+14105561234', '+14105561235', '+14105561236'];

const stored = (id: string) =>
  t.db
    .select({ number: portRequestNumbers.number, currentCarrier: portRequestNumbers.currentCarrier, fastPortable: portRequestNumbers.fastPortable, messagingCapable: portRequestNumbers.messagingCapable })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, id))
    .orderBy(asc(portRequestNumbers.position));

/** A carrier whose portability check answers with `check`; nothing else of it is used here. */
function standIn(check: (numbers: string[]) => Promise<CarrierPortability[]>): PortingCarrier & { calls: string[][] } {
  const unused = () => Promise.reject(new Error('not used by the numbers step'));
  const calls: string[][] = [];
  return {
    name: 'stand-in',
    calls,
    checkPortability: (numbers) => {
      calls.push(numbers);
      return check(numbers);
    },
    placeOrder: unused,
    updateOrder: unused,
    getOrder: unused,
    allowedFocWindows: unused,
    requestFoc: unused,
    activate: unused,
    cancel: unused,
    comment: unused,
    listComments: unused,
    parseWebhook: unused,
  };
}

test("a number the carrier calls not portable is refused with the carrier's reason; the rest are added with its answers", async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const verdicts = await addNumbersToDraft(t.db, t.owner, id, lines(NOT_PORTABLE, VERIZON_FAST, COMCAST[0], 'call me'), defaults);
  expect(verdicts.map((v) => [v.verdict, v.code])).toEqual([
    ['refused', 'not_portable'],
    ['accepted', 'ok'],
    ['accepted', 'ok'],
    ['refused', 'not_a_number'],
  ]);
  expect(verdicts[0].message).toMatch(/^\(410\) 555-0950 cannot be ported: the records of its current carrier say it is not portable: “The rate center of this number is not supported for porting”\. Remove this line/);
  expect(await stored(id)).toEqual([
    { number: VERIZON_FAST, currentCarrier: 'Verizon Business', fastPortable: true, messagingCapable: true },
    { number: COMCAST[0], currentCarrier: 'Comcast Business', fastPortable: false, messagingCapable: true },
  ]);
});

test('one batched call per check, for the lines our own checks accept only', async () => {
  const carrier = standIn(async (numbers) => numbers.map((number) => ({ number, portable: true, currentCarrier: 'Lumen Technologies', fastPortable: false, messagingCapable: false })));
  setCarrier(carrier);
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const [a, b] = t.freshNumbers(2);
  const result = await runNumberLines(t.db, t.owner, id, lines(a, '+16175550130', b, a), defaults, 'checked');
  expect(carrier.calls).toEqual([[a, b]]);
  expect(result.carrierCheck).toBe('answered');
  expect(result.verdicts.map((v) => v.currentCarrier)).toEqual(['Lumen Technologies', undefined, 'Lumen Technologies', undefined]);
  expect(result.verdicts[0]).toMatchObject({ fastPortable: false, messagingCapable: false });
  expect(await stored(id)).toEqual([]);
});

test('numbers another tab added while the carrier was answering are refused as already in the request, the others added', async () => {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const [a, b] = t.freshNumbers(2);
  let otherTab: Promise<unknown> | undefined;
  setCarrier(
    standIn(async (numbers) => {
      // The first call is this tab's; the other tab's own add (of b only) asks the sandbox's way.
      if (!otherTab) {
        setCarrier(sandbox.carrier);
        otherTab = addNumbersToDraft(t.db, t.owner, id, lines(b), defaults);
        await otherTab;
      }
      return numbers.map((number) => ({ number, portable: true, currentCarrier: 'Lumen Technologies', fastPortable: false, messagingCapable: false }));
    }),
  );
  const verdicts = await addNumbersToDraft(t.db, t.owner, id, lines(a, b), defaults);
  expect(verdicts.map((v) => [v.e164, v.verdict, v.code])).toEqual([
    [a, 'accepted', 'ok'],
    [b, 'refused', 'duplicate'],
  ]);
  expect((await stored(id)).map((r) => r.number).sort()).toEqual([a, b].sort());
});

describe('the carrier down or failing: the customer is not blocked', () => {
  test('the sandbox down: the check answers with our verdicts and says the carrier could not be asked; the add saves them without its answers', async () => {
    sandbox.sandbox.setDown(true);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const checked = await runNumberLines(t.db, t.owner, id, lines(NOT_PORTABLE, COMCAST[0]), defaults, 'checked');
    expect(checked.carrierCheck).toBe('unavailable');
    // Our own rules know nothing of the carrier's: both pass them, and the team's submission asks again.
    expect(checked.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'accepted']);
    const added = await runNumberLines(t.db, t.owner, id, lines(NOT_PORTABLE, COMCAST[0]), defaults, 'added');
    expect(added).toMatchObject({ mode: 'added', carrierCheck: 'unavailable', summary: expect.objectContaining({ accepted: 2, refused: 0 }) });
    expect(await stored(id)).toEqual([
      { number: NOT_PORTABLE, currentCarrier: null, fastPortable: null, messagingCapable: null },
      { number: COMCAST[0], currentCarrier: null, fastPortable: null, messagingCapable: null },
    ]);
    await completeNumbersStep(t.db, t.owner, id);
  });

  test('a carrier that throws, or never answers in time, is the same: never a failed add', async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    setCarrier(standIn(() => Promise.reject(new CarrierError('Internal server error', true, 500))));
    const [a, b] = t.freshNumbers(2);
    expect((await runNumberLines(t.db, t.owner, id, lines(a), defaults, 'added')).carrierCheck).toBe('unavailable');
    setCarrier(standIn(() => Promise.reject(new TypeError('fetch failed'))));
    expect((await runNumberLines(t.db, t.owner, id, lines(b), defaults, 'added')).carrierCheck).toBe('unavailable');
    expect((await stored(id)).map((r) => r.number)).toEqual([a, b]);
  });

  test('the API answers 200 with carrierCheck unavailable, not a 500', async () => {
    sandbox.sandbox.setDown(true);
    const key = await makeApiKey(t.db, t.owner, t.summit);
    const id = await draftThroughCarrier(t.db, t.owner, t.summit);
    const added = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers`, { key, json: { numbers: [{ numberToPort: COMCAST[0] }], defaults: { receivingNumber: '+14105550199', trackingSource: 'Google Ads' } } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ carrierCheck: 'unavailable', summary: { accepted: 1 } });
  });
});

test('the API check names the current carrier, fast-port and messaging of each accepted line', async () => {
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  // No receiving number: refused by our own checks, so the carrier is not asked about them.
  const unrouted = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/check`, { key, text: `${VERIZON_FAST}\n${NOT_PORTABLE}\n`, contentType: 'text/plain' });
  expect(unrouted.body).toMatchObject({ carrierCheck: 'not_asked', summary: { refused: 2 } });
  const ok = await apiCall(t.db, 'POST', `/port-requests/${id}/numbers/check?defaultReceivingNumber=%2B14105550199&defaultTrackingSource=Google%20Ads`, { key, text: `${VERIZON_FAST}\n${NOT_PORTABLE}\n`, contentType: 'text/plain' });
  expect(ok.status).toBe(200);
  expect(ok.body.carrierCheck).toBe('answered');
  expect(ok.body.verdicts).toEqual([
    expect.objectContaining({ number: VERIZON_FAST, verdict: 'accepted', currentCarrier: 'Verizon Business', fastPortable: true, messagingCapable: true }),
    expect.objectContaining({ number: NOT_PORTABLE, verdict: 'refused', code: 'not_portable', message: expect.stringContaining('not supported for porting') }),
  ]);
});

test('CARRIER=manual (no carrier): the checks are exactly our own, nothing of a carrier stored or suggested', async () => {
  setCarrier(null);
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  const result = await runNumberLines(t.db, t.owner, id, lines(NOT_PORTABLE, COMCAST[0]), defaults, 'added');
  expect(result).toMatchObject({ carrierCheck: 'not_asked', suggestedCarrier: null, summary: expect.objectContaining({ accepted: 2, refused: 0 }) });
  expect(result.verdicts.map((v) => [v.code, v.message])).toEqual([
    ['ok', '(410) 555-0950 can be ported.'],
    ['ok', '(410) 556-1234 can be ported.'],
  ]);
  expect(result.verdicts.every((v) => v.currentCarrier === undefined && v.fastPortable === undefined)).toBe(true);
  expect((await stored(id)).every((r) => r.currentCarrier === null && r.fastPortable === null && r.messagingCapable === null)).toBe(true);
  expect(await getCarrierView(t.db, await findPortRequest(t.db, t.owner, id))).toEqual({ suggestion: null, parts: [{ group: 'us_local', losingCarrier: 'Verizon Business', count: 2, account: { id: t.summit, name: 'Summit Marketing Group' } }] });
});

describe('the losing carrier suggested from the carrier’s answers', () => {
  const view = async (id: string) => getCarrierView(t.db, await findPortRequest(t.db, t.owner, id));

  test('all numbers with one carrier other than the one entered: suggested, after a check and after an add', async () => {
    const id = await draftThroughCarrier(t.db, t.owner, t.summit); // "Verizon Business" entered
    const checked = await runNumberLines(t.db, t.owner, id, lines(COMCAST[0], COMCAST[1]), defaults, 'checked');
    expect(checked.suggestedCarrier).toBe('Comcast Business');
    const added = await runNumberLines(t.db, t.owner, id, lines(COMCAST[0], COMCAST[1]), defaults, 'added');
    expect(added.suggestedCarrier).toBe('Comcast Business');
    expect((await view(id)).suggestion).toBe('Comcast Business');
    // A check of a Verizon number with them: the lines would no longer share one carrier.
    expect((await runNumberLines(t.db, t.owner, id, lines(VERIZON_FAST), defaults, 'checked')).suggestedCarrier).toBeNull();
  });

  test('not suggested when the numbers are with the carrier entered (however it is spelled), with several carriers, or one is not known', async () => {
    const same = await draftThroughCarrier(t.db, t.owner, t.summit);
    await t.db.update(portRequests).set({ losingCarrier: 'verizon  business' }).where(eq(portRequests.id, same));
    await addNumbersToDraft(t.db, t.owner, same, lines(VERIZON_FAST), defaults);
    expect((await view(same)).suggestion).toBeNull();

    const mixed = await draftThroughCarrier(t.db, t.owner, t.summit);
    await addNumbersToDraft(t.db, t.owner, mixed, lines(COMCAST[0], VERIZON_FAST), defaults);
    expect(await view(mixed)).toEqual({
      suggestion: null,
      parts: [
        { group: 'us_local', losingCarrier: 'Verizon Business', count: 1, account: { id: t.summit, name: 'Summit Marketing Group' } },
        { group: 'us_local', losingCarrier: 'Comcast Business', count: 1, account: { id: t.summit, name: 'Summit Marketing Group' } },
      ],
    });

    const unknown = await draftThroughCarrier(t.db, t.owner, t.summit);
    await addNumbersToDraft(t.db, t.owner, unknown, lines(COMCAST[0]), defaults);
    sandbox.sandbox.setDown(true);
    await addNumbersToDraft(t.db, t.owner, unknown, lines(COMCAST[1]), defaults);
    expect((await view(unknown)).suggestion).toBeNull();
  });
});

describe('a mix of carriers is split at submission into linked requests, one per carrier', () => {
  const proof = () => [{ name: 'bill.png', bytes: tinyPng() }];
  const requestsOf = (group: string) =>
    t.db
      .select({ id: portRequests.id, group: portRequests.numberGroup, losingCarrier: portRequests.losingCarrier, status: portRequests.status })
      .from(portRequests)
      .where(eq(portRequests.siblingGroupId, group));
  const numbersOf = async (id: string) => (await stored(id)).map((r) => r.number).sort();

  test('each (number group, current carrier) becomes a sibling with that carrier as its losing carrier; the letter and proof go with each', async () => {
    const [verizon] = t.freshNumbers(1);
    const tollFree = t.freshNumber('toll-free');
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [verizon, COMCAST[0], COMCAST[1], tollFree]);
    await signDraft(t.db, t.owner, id);
    const { requestIds } = await submitPortRequest(t.db, t.owner, id, proof());
    expect(requestIds).toHaveLength(3);
    expect(requestIds[0]).toBe(id);
    const rows = await requestsOf(id);
    const byCarrier = Object.fromEntries(await Promise.all(rows.map(async (r) => [`${r.group} ${r.losingCarrier}`, { id: r.id, numbers: await numbersOf(r.id), status: r.status }])));
    expect(Object.keys(byCarrier).sort()).toEqual(['toll_free Verizon Business', 'us_local Comcast Business', 'us_local Verizon Business']);
    expect(byCarrier['us_local Verizon Business']).toEqual({ id, numbers: [verizon], status: 'submitted' });
    expect(byCarrier['us_local Comcast Business']).toMatchObject({ numbers: [COMCAST[0], COMCAST[1]].sort(), status: 'submitted' });
    expect(byCarrier['toll_free Verizon Business']).toMatchObject({ numbers: [tollFree], status: 'submitted' });
    for (const sibling of requestIds) {
      const active = await t.db.select().from(loaSignatures).where(and(eq(loaSignatures.portRequestId, sibling), isNull(loaSignatures.voidedAt)));
      expect(active).toHaveLength(1);
    }
  });

  test("numbers without the carrier's answer stay with the draft's own carrier; a single carrier, even another, does not split", async () => {
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [COMCAST[0]]);
    sandbox.sandbox.setDown(true);
    await addNumbersToDraft(t.db, t.owner, id, lines(COMCAST[1]), defaults);
    sandbox.sandbox.setDown(false);
    await addNumbersToDraft(t.db, t.owner, id, lines(COMCAST[2]), defaults);
    await completeNumbersStep(t.db, t.owner, id);
    await signDraft(t.db, t.owner, id);
    const { requestIds } = await submitPortRequest(t.db, t.owner, id, proof());
    expect(requestIds).toHaveLength(2);
    const rows = await requestsOf(id);
    const own = rows.find((r) => r.id === id)!;
    const sibling = rows.find((r) => r.id !== id)!;
    expect(own).toMatchObject({ losingCarrier: 'Verizon Business', group: 'us_local' });
    expect(await numbersOf(id)).toEqual([COMCAST[1]]);
    expect(sibling).toMatchObject({ losingCarrier: 'Comcast Business', group: 'us_local', status: 'submitted' });
    expect(await numbersOf(sibling.id)).toEqual([COMCAST[0], COMCAST[2]]);

    const single = await draftReadyToSign(t.db, t.owner, t.summit, [COMCAST[0], COMCAST[1]].map((n) => n.replace('556', '557')));
    await signDraft(t.db, t.owner, single);
    expect((await submitPortRequest(t.db, t.owner, single, proof())).requestIds).toEqual([single]);
    const [alone] = await t.db.select({ losingCarrier: portRequests.losingCarrier, sibling: portRequests.siblingGroupId }).from(portRequests).where(eq(portRequests.id, single));
    // The carrier entered stays (it is the one on the signed letter): the suggestion was the customer's to take.
    expect(alone).toEqual({ losingCarrier: 'Verizon Business', sibling: null });
  });
});
