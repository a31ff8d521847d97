/**
 * Step 3's "Lines to fix" and its routing, in the step's one form (app/(app)/numbers/port/[id]/numbers/actions.ts):
 * refused lines are kept on the draft as typed, with their reasons, across reloads; corrected and
 * added again by Save and continue (or "Add the corrected lines"), or dismissed; the draft goes on
 * only without any. The routing typed is saved by Save and continue, with its messages beside each field.
 */
import { asc, eq } from 'drizzle-orm';
import { alternateRoutings, portRequestNumbers, portRequests, trackingNumbers } from '@/db/schema';
import { submitNumbersStep } from '@/app/(app)/numbers/port/[id]/numbers/actions';
import { listLinesToFix } from '@/lib/porting/wizard/numbers/lines-to-fix';
import { draftThroughCarrier } from '../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, signInAs, setupRequestScope } from '../helpers/request-scope';
import { setupTestContext } from '../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
setupRequestScope();

const saved = async (id: string) =>
  (await t.db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, id)).orderBy(asc(portRequestNumbers.position))).map((r) => r.number);

async function numbersStep(user = t.owner, account = t.summit) {
  const id = await draftThroughCarrier(t.db, user, account);
  signInAs(user);
  return id;
}

const defaults = { defaultReceivingNumber: '+14105550199', defaultTrackingSource: 'Google Ads' };

/** A file of three good lines and three bad ones (not a number, an unknown source, a number already tracked), added. */
async function addFileWithBadLines(id: string) {
  const good = t.freshNumbers(3);
  const file = new File([`Number to Port,Receiving Number,Tracking Source\n${good[0]}\ncall me\n${good[1]},,Billboards\n+16175550130\n${good[2]}\n`], 'clinic.csv', { type: 'text/csv' });
  const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, file, ...defaults, intent: 'list:add' }));
  return { good, state };
}

test('refused lines of a file are kept on the draft, as typed with the defaults they used, and named by file and line; the list starts afresh', async () => {
  const id = await numbersStep();
  const { good, state } = await addFileWithBadLines(id);
  expect(state).toMatchObject({ ok: true, section: 'list', listResult: { mode: 'added', summary: expect.objectContaining({ accepted: 2, refused: 3 }) } });
  expect(state?.values).toEqual(expect.not.objectContaining({ pasted: expect.anything() }));
  expect(state?.values).toMatchObject(defaults);
  expect(await saved(id)).toEqual([good[0], good[2]]);

  // A reload (no earlier state): the page reads them from the draft.
  const { lines, total } = await listLinesToFix(t.db, { id });
  expect(total).toBe(3);
  expect(lines.map((l) => [l.origin, l.numberToPort, l.receivingNumber, l.trackingSource, l.code])).toEqual([
    ['clinic.csv, line 3', 'call me', '+14105550199', 'Google Ads', 'not_a_number'],
    ['clinic.csv, line 4', good[1], '+14105550199', 'Billboards', 'unknown_source'],
    ['clinic.csv, line 5', '+16175550130', '+14105550199', 'Google Ads', 'already_tracking'],
  ]);
  expect(lines[1].reason).toContain('Billboards');
});

test('Save and continue adds the corrected lines and goes on once none is left; while any is, it stays and says where', async () => {
  const id = await numbersStep();
  const { good } = await addFileWithBadLines(id);
  const [notANumber, unknownSource, tracked] = (await listLinesToFix(t.db, { id })).lines;
  const fixes = { [`fix.${unknownSource.id}.trackingSource`]: 'Website', [`fix.${notANumber.id}.number`]: t.freshNumber() };

  const stays = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, ...fixes, intent: 'continue' }));
  expect(stays).toMatchObject({ ok: false, section: 'continue', fixResult: { summary: expect.objectContaining({ accepted: 2, refused: 1 }) } });
  expect(stays?.formError).toMatch(/^1 line was not added: fix it under "Lines to fix" \(or dismiss it\)/);
  expect(await saved(id)).toEqual([good[0], good[2], fixes[`fix.${notANumber.id}.number`], good[1]]);
  const left = (await listLinesToFix(t.db, { id })).lines;
  expect(left).toMatchObject([{ origin: 'clinic.csv, line 5', numberToPort: tracked.numberToPort, code: 'already_tracking' }]);

  const dismissed = await submitNumbersStep(stays, formData({ requestId: id, rowCount: 3, intent: `fix:dismiss:${left[0].id}` }));
  expect(dismissed).toMatchObject({ ok: true, section: 'fix', message: 'The line was dismissed.' });
  await expectRedirect(() => submitNumbersStep(dismissed, formData({ requestId: id, rowCount: 3, intent: 'continue' })), `/numbers/port/${id}/customer`);
  const [request] = await t.db.select({ steps: portRequests.completedSteps }).from(portRequests).where(eq(portRequests.id, id));
  expect(request.steps).toContain('numbers');
});

test('"Add the corrected lines" tries them again without going on, keeping what the other sections hold', async () => {
  const id = await numbersStep();
  await addFileWithBadLines(id);
  const [notANumber] = (await listLinesToFix(t.db, { id })).lines;
  const typedElsewhere = { 'rows.0.number': '+1 410 555', pasted: 'half a list' };
  const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, [`fix.${notANumber.id}.number`]: 'still not', ...typedElsewhere, intent: 'fix:add' }));
  expect(state).toMatchObject({ ok: true, section: 'fix', fixResult: { summary: expect.objectContaining({ accepted: 0, refused: 3 }) }, values: typedElsewhere });
  // The line is kept as now typed, with the reason for what is typed now.
  expect((await listLinesToFix(t.db, { id })).lines.map((l) => l.numberToPort)).toContain('still not');
  expect(await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, intent: 'fix:dismiss-all' }))).toMatchObject({ ok: true, message: '3 lines were dismissed.' });
  expect((await listLinesToFix(t.db, { id })).total).toBe(0);
});

test("a line id of someone else's draft dismisses nothing there; a stranger gets the 404 from every lines-to-fix button", async () => {
  const theirs = await numbersStep(t.harbor, t.harborLegal);
  await submitNumbersStep(null, formData({ requestId: theirs, rowCount: 3, pasted: `${t.freshNumber()}\ncall me`, defaultReceivingNumber: '+14105550199', intent: 'list:add' }));
  const { lines: [theirLine], total: theirs0 } = await listLinesToFix(t.db, { id: theirs });
  expect(theirLine).toBeDefined();

  const mine = await numbersStep();
  expect(await submitNumbersStep(null, formData({ requestId: mine, rowCount: 3, intent: `fix:dismiss:${theirLine.id}` }))).toMatchObject({ ok: true, message: '0 lines were dismissed.' });
  expect(await submitNumbersStep(null, formData({ requestId: mine, rowCount: 3, intent: 'fix:dismiss:not-a-uuid' }))).toMatchObject({ ok: true });
  expect((await listLinesToFix(t.db, { id: theirs })).total).toBe(theirs0);

  signInAs(t.owner);
  for (const intent of ['fix:add', 'fix:dismiss-all', `fix:dismiss:${theirLine.id}`]) {
    await expectNotFound(() => submitNumbersStep(null, formData({ requestId: theirs, rowCount: 3, intent })));
  }
  expect((await listLinesToFix(t.db, { id: theirs })).total).toBe(theirs0);
});

describe('the routing is part of the one form', () => {
  /** A draft porting +14105550000, which two tracking numbers forward to today. */
  async function draftPortingAReceivingNumber() {
    const id = await numbersStep();
    await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, pasted: '+14105550000', ...defaults, intent: 'list:add' }));
    const tracking = await t.db.select({ id: trackingNumbers.id }).from(trackingNumbers).where(eq(trackingNumbers.receivingNumber, '+14105550000')).orderBy(asc(trackingNumbers.number));
    return { id, trackingIds: tracking.map((r) => r.id) };
  }

  test('left empty, Save and continue stays, with a message beside each routing field', async () => {
    const { id, trackingIds } = await draftPortingAReceivingNumber();
    expect(trackingIds).toHaveLength(2);
    const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, intent: 'continue' }));
    expect(state).toMatchObject({ ok: false, section: 'continue' });
    expect(state?.formError).toMatch(/^Choose where 2 tracking numbers \(410\) 555-0100, \(410\) 555-0101 should forward/);
    expect(Object.keys(state?.fieldErrors ?? {}).sort()).toEqual(trackingIds.map((tid) => `route.${tid}`).sort());
  });

  test('typed, Save and continue saves it and goes on; a route to a number being ported is refused beside its field', async () => {
    const { id, trackingIds } = await draftPortingAReceivingNumber();
    const refused = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, [`route.${trackingIds[0]}`]: '(410) 555-0000', [`route.${trackingIds[1]}`]: '(410) 555-0198', intent: 'continue' }));
    expect(refused).toMatchObject({ ok: false, section: 'routing', fieldErrors: { [`route.${trackingIds[0]}`]: ['That number is being ported too; choose a number that stays where it is.'] } });
    expect(refused?.values).toMatchObject({ [`route.${trackingIds[0]}`]: '(410) 555-0000' });

    await expectRedirect(
      () => submitNumbersStep(refused, formData({ requestId: id, rowCount: 3, [`route.${trackingIds[0]}`]: '410.555.0197', [`route.${trackingIds[1]}`]: '(410) 555-0198', intent: 'continue' })),
      `/numbers/port/${id}/customer`,
    );
    const routes = await t.db.select({ to: alternateRoutings.newReceivingNumber }).from(alternateRoutings).where(eq(alternateRoutings.portRequestId, id));
    expect(routes.map((r) => r.to).sort()).toEqual(['+14105550197', '+14105550198']);
  });

  test('another section\'s button keeps the routing typed on the page', async () => {
    const { id, trackingIds } = await draftPortingAReceivingNumber();
    const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, [`route.${trackingIds[0]}`]: '(410) 555-0197', 'rows.0.number': t.freshNumber(), intent: 'rows:check' }));
    expect(state?.values).toMatchObject({ [`route.${trackingIds[0]}`]: '(410) 555-0197' });
  });
});

test('a large file of refused lines is kept whole (more than one insert holds), and the page edits the first hundred', async () => {
  const id = await numbersStep();
  const bad = Array.from({ length: 2500 }, (_, i) => `call me ${i}`);
  const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, pasted: `${t.freshNumber()}\n${bad.join('\n')}`, ...defaults, intent: 'list:add' }));
  expect(state?.listResult?.summary).toMatchObject({ accepted: 1, refused: 2500 });
  const { lines, total } = await listLinesToFix(t.db, { id });
  expect(total).toBe(2500);
  expect(lines).toHaveLength(100);
  expect(lines[0]).toMatchObject({ origin: 'Pasted list, line 2', numberToPort: 'call me 0' });
});
