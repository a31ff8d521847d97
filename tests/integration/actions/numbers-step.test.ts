/**
 * Step 3's server actions (app/(app)/numbers/port/[id]/numbers/actions.ts) called with forms, as
 * the browser posts them: the step's one form by section (the rows: add a row, remove one, check,
 * add; the list: pasted text, an uploaded file; Save and continue), and removing a number.
 */
import { asc, eq } from 'drizzle-orm';
import { portRequestNumbers } from '@/db/schema';
import { removeNumbers, submitNumbersStep } from '@/app/(app)/numbers/port/[id]/numbers/actions';
import { listLinesToFix } from '@/lib/porting/wizard/numbers/lines-to-fix';
import { draftThroughCarrier } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, signInAs, setupRequestScope } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
const scope = setupRequestScope();

const saved = async (id: string) =>
  (await t.db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, id)).orderBy(asc(portRequestNumbers.position))).map((r) => r.number);

type Fields = Record<string, string | number | File>;

// The step is one form: each section's buttons name their section ("rows:check", "list:add"),
// "Save and continue" is "continue". These post it as the browser does and read the section's result.
async function postSection(section: 'rows' | 'list', fields: Fields) {
  const state = await submitNumbersStep(null, formData({ ...fields, intent: `${section}:${fields.intent ?? 'check'}` }));
  return state && { ...state, result: section === 'rows' ? state.rowsResult : state.listResult };
}
const submitNumberRows = (_prev: null, form: Fields) => postSection('rows', form);
const submitNumberFile = (_prev: null, form: Fields) => postSection('list', form);
const continueFromNumbers = (_prev: null, form: Fields) => submitNumbersStep(null, formData({ ...form, intent: 'continue' }));

/** The owner's draft on the numbers step, and the owner signed in. */
async function numbersStep() {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  signInAs(t.owner);
  return id;
}

test('"Remove" on a row drops it and moves the rows below it up, keeping what was typed in them', async () => {
  const id = await numbersStep();
  const [a, b, c] = t.freshNumbers(3);
  const state = await submitNumberRows(null, ({
      requestId: id,
      rowCount: 3,
      'rows.0.number': a,
      'rows.0.trackingSource': 'Google Ads',
      'rows.1.number': b,
      'rows.1.receivingNumber': '+14105550199',
      'rows.2.number': c,
      'rows.2.receivingNumber': '+14105550198',
      'rows.2.trackingSource': 'Website',
      intent: 'remove-row:1',
    }),
  );
  expect(state).toMatchObject({ ok: true, rowCount: 2 });
  expect(state?.values).toEqual({
    requestId: id,
    rowCount: '3',
    intent: 'rows:remove-row:1',
    'rows.0.number': a,
    'rows.0.trackingSource': 'Google Ads',
    'rows.1.number': c,
    'rows.1.receivingNumber': '+14105550198',
    'rows.1.trackingSource': 'Website',
  });
  expect(state?.result).toBeUndefined();
  expect(await saved(id)).toEqual([]);
});

test('"Add row" adds one, up to 50, and keeps the rows', async () => {
  const id = await numbersStep();
  const number = t.freshNumber();
  expect(await submitNumberRows(null, ({ requestId: id, rowCount: 3, 'rows.0.number': number, intent: 'add-row' }))).toMatchObject({
    ok: true,
    rowCount: 4,
    values: { 'rows.0.number': number },
  });
  expect(await submitNumberRows(null, ({ requestId: id, rowCount: 50, intent: 'add-row' }))).toMatchObject({ rowCount: 50 });
});

test('"Check Portability" on the rows returns a verdict for each line, keeps the rows and saves nothing', async () => {
  const id = await numbersStep();
  const good = t.freshNumber();
  const rows = { requestId: id, rowCount: 3, 'rows.0.number': good, 'rows.0.receivingNumber': '+14105550199', 'rows.0.trackingSource': 'Google Ads', 'rows.1.number': '+16175550130', 'rows.2.number': 'call me', defaultReceivingNumber: '+14105550199', intent: 'check' };
  const state = await submitNumberRows(null, (rows));
  expect(state).toMatchObject({ ok: true, rowCount: 3, values: { 'rows.0.number': good, 'rows.1.number': '+16175550130', 'rows.2.number': 'call me' } });
  expect(state?.result).toMatchObject({ mode: 'checked', verdictsTotal: 3, summary: expect.objectContaining({ accepted: 1 }) });
  expect(state?.result?.verdicts.map((v) => [v.line, v.verdict, v.code])).toEqual([
    [1, 'accepted', 'ok'],
    [2, 'refused', 'already_tracking'],
    [3, 'refused', 'not_a_number'],
  ]);
  expect(await saved(id)).toEqual([]);
});

test('"Add to request" saves the good rows; the refused ones wait under "Lines to fix", kept on the draft, and the rows start afresh', async () => {
  const id = await numbersStep();
  const good = t.freshNumber();
  const state = await submitNumberRows(null, ({ requestId: id, rowCount: 3, 'rows.0.number': good, 'rows.0.receivingNumber': '+14105550199', 'rows.0.trackingSource': 'Google Ads', 'rows.1.number': '+16175550130', 'rows.1.trackingSource': 'Website', intent: 'add' }),
  );
  expect(state).toMatchObject({ ok: true, rowCount: 3, result: { mode: 'added', verdictsTotal: 2 } });
  expect(Object.keys(state?.values ?? {}).filter((k) => k.startsWith('rows.'))).toEqual([]);
  expect(await saved(id)).toEqual([good]);
  expect((await listLinesToFix(t.db, { id })).lines).toEqual([
    expect.objectContaining({ origin: 'Typed in row 2', numberToPort: '+16175550130', trackingSource: 'Website', code: 'already_tracking', reason: expect.stringMatching(/already/i) }),
  ]);
  expect(scope.revalidated).toContain(`/numbers/port/${id}/numbers`);
});

test('rows with no number get a message on the first row and nothing is checked', async () => {
  const id = await numbersStep();
  expect(await submitNumberRows(null, ({ requestId: id, rowCount: 3, 'rows.0.trackingSource': 'Website', intent: 'check' }))).toEqual({
    ok: false,
    fieldErrors: { 'rows.0.number': ['Enter a number to port.'] },
    formError: 'Enter at least one number.',
    values: { requestId: id, rowCount: '3', 'rows.0.trackingSource': 'Website', intent: 'rows:check' },
    rowCount: 3,
    section: 'rows',
    result: undefined,
  });
});

test('pasted numbers are checked line by line; an uploaded file comes back as its lines in the text box', async () => {
  const id = await numbersStep();
  const [a, b] = t.freshNumbers(2);
  const pasted = await submitNumberFile(null, ({ requestId: id, pasted: `${a}\nnot a number\n${b}`, defaultReceivingNumber: '+14105550199', defaultTrackingSource: 'Google Ads', intent: 'check' }));
  expect(pasted?.result?.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'refused', 'accepted']);
  expect(pasted?.values).toMatchObject({ pasted: `${a}\nnot a number\n${b}`, defaultReceivingNumber: '+14105550199' });

  const uploaded = await submitNumberFile(null, ({ requestId: id, file: new File([`Number to Port\n${a}\n${b}\n`], 'numbers.csv', { type: 'text/csv' }), defaultReceivingNumber: '+14105550199', intent: 'check' }));
  expect(uploaded?.result).toMatchObject({ mode: 'checked', verdictsTotal: 2 });
  expect(uploaded?.values).toMatchObject({ pasted: `Number to Port\n${a}\n${b}\n`, checkedFile: 'numbers.csv' });
  expect(await saved(id)).toEqual([]);

  expect(await submitNumberFile(null, ({ requestId: id, pasted: '  ', intent: 'check' }))).toMatchObject({
    ok: false,
    fieldErrors: { pasted: ['Paste numbers here, one per line, or choose a .csv or .txt file.'] },
    formError: 'There is nothing to import yet.',
  });
});

test('removing a number goes back to the step without it; "Continue" goes on to the customer step', async () => {
  const id = await numbersStep();
  const [kept, removed] = t.freshNumbers(2);
  await submitNumberRows(null, ({ requestId: id, rowCount: 2, 'rows.0.number': kept, 'rows.1.number': removed, defaultReceivingNumber: '+14105550199', defaultTrackingSource: 'Google Ads', intent: 'add' }));
  expect(await saved(id)).toEqual([kept, removed]);

  await expectRedirect(() => removeNumbers(formData({ requestId: id, number: removed })), `/numbers/port/${id}/numbers`);
  expect(await saved(id)).toEqual([kept]);
  await expectRedirect(() => continueFromNumbers(null, ({ requestId: id })), `/numbers/port/${id}/customer`);
});

test('a user of another account gets the plain 404 from every numbers action; signed out goes to sign in', async () => {
  const id = await numbersStep();
  const number = t.freshNumber();
  signInAs(t.harbor);
  await expectNotFound(() => submitNumberRows(null, ({ requestId: id, rowCount: 1, 'rows.0.number': number, intent: 'add' })));
  await expectNotFound(() => submitNumberRows(null, ({ requestId: id, rowCount: 3, intent: 'remove-row:0' })));
  await expectNotFound(() => submitNumberFile(null, ({ requestId: id, pasted: number, intent: 'check' })));
  await expectNotFound(() => removeNumbers(formData({ requestId: id, number: 'all' })));
  await expectNotFound(() => continueFromNumbers(null, ({ requestId: id })));
  expect(await saved(id)).toEqual([]);

  signInAs(null);
  await expectRedirect(() => submitNumberRows(null, ({ requestId: id, rowCount: 1, 'rows.0.number': number, intent: 'check' })), '/sign-in');
});
