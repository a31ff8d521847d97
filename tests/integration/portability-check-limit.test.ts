import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { portRequestEvents, portRequestNumbers, portRequests } from '@/db/schema';
import { StateError } from '@/lib/errors';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { discardDraft } from '@/lib/porting/wizard/discard-draft';
import { runNumberLines } from '@/lib/porting/wizard/numbers/run-lines';
import * as actions from '@/app/(app)/numbers/port/[id]/numbers/actions';
import { signInAs, setupRequestScope } from '../helpers/request-scope';
import { setupTestContext } from '../helpers/test-context';

// The numbers step's actions as a browser posts them, signed in with signInAs (tests/helpers/request-scope).
jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
setupRequestScope();

const defaults = { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' };
const lines = (count: number, first = 0) => Array.from({ length: count }, (_, i) => ({ line: i + 1, numberToPort: `+1410300${String(first + i).padStart(4, '0')}` }));
const checksOf = (accountId: string) =>
  t.db
    .select({ id: portRequestEvents.id, data: portRequestEvents.data, actorUserId: portRequestEvents.actorUserId, createdAt: portRequestEvents.createdAt })
    .from(portRequestEvents)
    .where(and(eq(portRequestEvents.accountId, accountId), eq(portRequestEvents.type, 'portability_checked')))
    .orderBy(asc(portRequestEvents.createdAt));
const saved = async (requestId: string) => (await t.db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId))).map((r) => r.number);

test('an account checks up to 20,000 lines an hour; one more is refused with when to try again, not counted, and nothing saved', async () => {
  const [first, second] = t.freshNumbers(2);
  const draft = await createPortRequestDraft(t.db, t.owner, t.summit);
  expect((await runNumberLines(t.db, t.owner, draft, lines(10_000), defaults, 'checked'))?.verdictsTotal).toBe(10_000);
  expect((await runNumberLines(t.db, t.owner, draft, lines(9_999), defaults, 'checked'))?.verdictsTotal).toBe(9_999);
  const added = await runNumberLines(t.db, t.owner, draft, [{ line: 1, numberToPort: first }], defaults, 'added');
  expect(added?.summary).toMatchObject({ accepted: 1 });

  // Each check is an event of the request's account, with its lines and who checked.
  const checks = await checksOf(t.summit);
  expect(checks.map((c) => c.data)).toEqual([{ lines: 10_000 }, { lines: 9_999 }, { lines: 1 }]);
  expect(checks.every((c) => c.actorUserId === t.owner.userId)).toBe(true);

  // The oldest check leaves the hour first: that is when one more line fits again.
  const retry = new Date(Math.ceil((checks[0].createdAt.getTime() + 3_600_000) / 60_000) * 60_000);
  const retryText = `${retry.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const oneMore = [{ line: 1, numberToPort: second }];
  const refusedAdd = runNumberLines(t.db, t.owner, draft, oneMore, defaults, 'added');
  await expect(refusedAdd).rejects.toThrow(StateError);
  await expect(refusedAdd).rejects.toThrow(`Nothing was checked or saved: try these 1 line(s) again at ${retryText}`);
  // Per account, not per request: another draft of the same account is refused too.
  const otherDraft = await createPortRequestDraft(t.db, t.owner, t.summit);
  await expect(runNumberLines(t.db, t.owner, otherDraft, oneMore, defaults, 'checked')).rejects.toThrow(/20,000 lines an hour for each account/);

  expect(await saved(draft)).toEqual([first]);
  expect(await saved(otherDraft)).toEqual([]);
  const after = await checksOf(t.summit);
  expect(after).toHaveLength(3);
  expect(after.reduce((sum, c) => sum + Number(c.data?.lines), 0)).toBe(20_000);

  // Another account has its own hour.
  const harborDraft = await createPortRequestDraft(t.db, t.harbor, t.harborLegal);
  expect((await runNumberLines(t.db, t.harbor, harborDraft, lines(50), defaults, 'checked'))?.verdictsTotal).toBe(50);
  expect((await checksOf(t.harborLegal)).map((c) => c.data)).toEqual([{ lines: 50 }]);

  // The window slides: once the first check is more than an hour old, its 10,000 lines are free again.
  await t.db.update(portRequestEvents).set({ createdAt: sql`${portRequestEvents.createdAt} - interval '61 minutes'` }).where(eq(portRequestEvents.id, checks[0].id));
  const again = await runNumberLines(t.db, t.owner, draft, oneMore, defaults, 'added');
  expect(again?.summary).toMatchObject({ accepted: 1 });
  expect(await saved(draft)).toEqual([first, second]);
}, 120_000);

test('on the numbers step, over the limit the form says when to try again and keeps what was typed, file lines included', async () => {
  signInAs(t.dental);
  const draft = await createPortRequestDraft(t.db, t.dental, t.summitDental);
  const form = (fields: Record<string, string | File>) => {
    const data = new FormData();
    data.set('requestId', draft);
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  // The step's one form: a section's button names it ("list:check", "rows:check").
  const post = async (section: 'rows' | 'list', fields: Record<string, string | File>) => {
    const state = await actions.submitNumbersStep(null, form({ ...fields, intent: `${section}:${fields.intent}` }));
    return state && { ...state, result: section === 'rows' ? state.rowsResult : state.listResult };
  };
  const tenThousand = lines(10_000).map((l) => l.numberToPort).join('\n');
  for (let i = 0; i < 2; i++) expect((await post('list', ({ pasted: tenThousand, intent: 'check' })))?.result?.verdictsTotal).toBe(10_000);

  const [typedA, typedB, rowNumber] = t.freshNumbers(3);
  const typed = `${typedA}\n${typedB}`;
  const pasted = await post('list', ({ pasted: typed, defaultReceivingNumber: '+14105550199', intent: 'add' }));
  expect(pasted).toMatchObject({ ok: false, formError: expect.stringMatching(/try these 2 line\(s\) again at \d{4}-\d\d-\d\d \d\d:\d\d UTC/) });
  expect(pasted?.values).toMatchObject({ pasted: typed, defaultReceivingNumber: '+14105550199' });
  expect(pasted?.result).toBeUndefined();

  // An uploaded file comes back as its lines in the text box, not as lines "checked".
  const uploaded = await post('list', ({ file: new File([typed], 'numbers.csv', { type: 'text/csv' }), intent: 'check' }));
  expect(uploaded).toMatchObject({ ok: false, formError: expect.stringContaining('Nothing was checked or saved') });
  expect(uploaded?.values.pasted).toBe(typed);
  expect(uploaded?.values.checkedFile).toBeUndefined();

  const rows = await post('rows', ({ 'rows.0.number': rowNumber, 'rows.0.trackingSource': 'Website', rowCount: '3', intent: 'check' }));
  expect(rows).toMatchObject({ ok: false, rowCount: 3, values: { 'rows.0.number': rowNumber, 'rows.0.trackingSource': 'Website' } });
  expect(rows?.formError).toMatch(/20,000 lines an hour/);

  expect(await saved(draft)).toEqual([]);
  expect((await checksOf(t.summitDental)).map((c) => c.data)).toEqual([{ lines: 10_000 }, { lines: 10_000 }]);
}, 120_000);

test('discarding a draft does not give its checks back: a new draft in the same account is refused one more line', async () => {
  const plumbing = t.summitPlumbing;
  const draft = await createPortRequestDraft(t.db, t.owner, plumbing);
  for (let i = 0; i < 2; i++) expect((await runNumberLines(t.db, t.owner, draft, lines(10_000), defaults, 'checked'))?.verdictsTotal).toBe(10_000);
  await discardDraft(t.db, t.owner, draft);
  expect(await t.db.select().from(portRequests).where(eq(portRequests.id, draft))).toEqual([]);

  const next = await createPortRequestDraft(t.db, t.owner, plumbing);
  await expect(runNumberLines(t.db, t.owner, next, [{ line: 1, numberToPort: t.freshNumber() }], defaults, 'checked')).rejects.toThrow(
    /20,000 lines an hour for each account, and this account has checked 20,000 in the last hour/,
  );

  // The checks outlive the draft, with no request; its other events (what the customer typed) went with it.
  const orphans = await t.db
    .select({ type: portRequestEvents.type, accountId: portRequestEvents.accountId, data: portRequestEvents.data })
    .from(portRequestEvents)
    .where(isNull(portRequestEvents.portRequestId));
  expect(orphans).toEqual([
    { type: 'portability_checked', accountId: plumbing, data: { lines: 10_000 } },
    { type: 'portability_checked', accountId: plumbing, data: { lines: 10_000 } },
  ]);
}, 120_000);
