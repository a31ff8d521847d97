/**
 * The numbers step's one form (app/(app)/numbers/port/[id]/numbers/actions.ts, submitNumbersStep)
 * as the browser posts it, JavaScript on or off: "Save and continue" takes the rows typed, the list
 * pasted or the file chosen (no separate "Add to request" click), and each section's buttons still
 * check or add on their own. With the carrier sandbox behind the checks; and the losing carrier
 * suggestion, which posts to step 2's own save.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { loaSignatures, portRequestNumbers, portRequests } from '@/db/schema';
import { submitNumbersStep } from '@/app/(app)/numbers/port/[id]/numbers/actions';
import { saveCarrier } from '@/app/(app)/numbers/port/[id]/carrier/actions';
import { listLinesToFix } from '@/lib/porting/wizard/numbers/lines-to-fix';
import { startTestCarrier, type TestCarrier } from '../helpers/carrier';
import { draftReadyToSign, draftThroughCarrier, signDraft } from '../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, signInAs, setupRequestScope } from '../helpers/request-scope';
import { setupTestContext } from '../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
setupRequestScope();
let carrier: TestCarrier;
beforeAll(async () => {
  carrier = await startTestCarrier();
});
afterAll(() => carrier.close());
afterEach(() => carrier.sandbox.setDown(false));

const saved = async (id: string) =>
  (await t.db.select({ number: portRequestNumbers.number }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, id)).orderBy(asc(portRequestNumbers.position))).map((r) => r.number);

async function numbersStep() {
  const id = await draftThroughCarrier(t.db, t.owner, t.summit);
  signInAs(t.owner);
  return id;
}

const row = (i: number, number: string, receivingNumber = '+14105550199', trackingSource = 'Google Ads') => ({
  [`rows.${i}.number`]: number,
  [`rows.${i}.receivingNumber`]: receivingNumber,
  [`rows.${i}.trackingSource`]: trackingSource,
});

describe('Save and continue takes what is typed', () => {
  test('rows typed and never added: added, then on to step 4', async () => {
    const id = await numbersStep();
    const [a, b] = t.freshNumbers(2);
    await expectRedirect(() => submitNumbersStep(null, formData({ requestId: id, rowCount: 3, ...row(0, a), ...row(1, b), intent: 'continue' })), `/numbers/port/${id}/customer`);
    expect(await saved(id)).toEqual([a, b]);
    const [request] = await t.db.select({ steps: portRequests.completedSteps }).from(portRequests).where(eq(portRequests.id, id));
    expect(request.steps).toContain('numbers');
  });

  test('a pasted list, or a file chosen, is added the same way', async () => {
    const pastedDraft = await numbersStep();
    const [a, b, c] = t.freshNumbers(3);
    const list = { defaultReceivingNumber: '+14105550199', defaultTrackingSource: 'Google Ads', intent: 'continue' };
    await expectRedirect(() => submitNumbersStep(null, formData({ requestId: pastedDraft, rowCount: 3, pasted: `${a}\n${b}\n`, ...list })), `/numbers/port/${pastedDraft}/customer`);
    expect(await saved(pastedDraft)).toEqual([a, b]);

    const fileDraft = await numbersStep();
    const file = new File([`Number to Port\n${c}\n`], 'numbers.csv', { type: 'text/csv' });
    await expectRedirect(() => submitNumbersStep(null, formData({ requestId: fileDraft, rowCount: 3, file, ...list })), `/numbers/port/${fileDraft}/customer`);
    expect(await saved(fileDraft)).toEqual([c]);
  });

  test('a refused line: the accepted ones are added, the step stays with the verdicts, and the refused lines wait to be fixed', async () => {
    const id = await numbersStep();
    const good = t.freshNumber();
    const state = await submitNumbersStep(
      null,
      formData({ requestId: id, rowCount: 3, ...row(0, good), ...row(1, '+14105550950'), ...row(2, '+16175550130', '+14105550199', 'Website'), intent: 'continue' }),
    );
    expect(state).toMatchObject({ ok: false, section: 'continue' });
    expect(state?.formError).toBe('2 lines were not added: fix them under "Lines to fix" (or dismiss them), then Save and continue again. The accepted number is in the request.');
    expect(state?.formError).not.toMatch(/Add to request/);
    expect(state?.rowsResult?.verdicts.map((v) => [v.line, v.verdict, v.code])).toEqual([
      [1, 'accepted', 'ok'],
      [2, 'refused', 'not_portable'],
      [3, 'refused', 'already_tracking'],
    ]);
    expect(state?.rowsResult?.verdicts[1].message).toMatch(/not supported for porting/);
    // The refused rows are kept on the draft as typed, with their reasons; the accepted one is in the request.
    expect((await listLinesToFix(t.db, { id })).lines).toMatchObject([
      { origin: 'Typed in row 2', numberToPort: '+14105550950', reason: expect.stringMatching(/not supported for porting/) },
      { origin: 'Typed in row 3', numberToPort: '+16175550130', trackingSource: 'Website' },
    ]);
    expect(await saved(id)).toEqual([good]);
    const [request] = await t.db.select({ steps: portRequests.completedSteps }).from(portRequests).where(eq(portRequests.id, id));
    expect(request.steps).not.toContain('numbers');
  });

  test('nothing typed and no numbers yet: the step stays, asking for a number, not for another button', async () => {
    const id = await numbersStep();
    const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, 'rows.0.trackingSource': 'Website', defaultTrackingSource: 'Google Ads', intent: 'continue' }));
    expect(state).toMatchObject({ ok: false, section: 'continue', formError: 'No numbers are in this request yet. Enter at least one Number to Port (in a row, or a file or list), then continue.' });
    expect(state?.values).toMatchObject({ 'rows.0.trackingSource': 'Website', defaultTrackingSource: 'Google Ads' });
  });

  test('nothing typed, numbers already added: continues as before', async () => {
    const id = await numbersStep();
    await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, ...row(0, t.freshNumber()), intent: 'rows:add' }));
    await expectRedirect(() => submitNumbersStep(null, formData({ requestId: id, rowCount: 3, intent: 'continue' })), `/numbers/port/${id}/customer`);
  });

  test('the carrier down: the typed rows are added and the step continues (checked again at submission)', async () => {
    carrier.sandbox.setDown(true);
    const id = await numbersStep();
    const number = t.freshNumber();
    await expectRedirect(() => submitNumbersStep(null, formData({ requestId: id, rowCount: 3, ...row(0, number), intent: 'continue' })), `/numbers/port/${id}/customer`);
    expect(await saved(id)).toEqual([number]);
  });
});

describe("each section's own buttons, in the one form", () => {
  test('"Check Portability" on the rows saves nothing and keeps the list as typed; "Add to request" on the list adds it', async () => {
    const id = await numbersStep();
    const [a, b] = t.freshNumbers(2);
    const list = { pasted: `${b}\n`, defaultReceivingNumber: '+14105550199', defaultTrackingSource: 'Google Ads' };
    const checked = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, ...row(0, a), ...list, intent: 'rows:check' }));
    expect(checked).toMatchObject({ ok: true, section: 'rows', rowsResult: { mode: 'checked', carrierCheck: 'answered' }, values: { 'rows.0.number': a, pasted: `${b}\n` } });
    expect(checked?.rowsResult?.verdicts[0]).toMatchObject({ verdict: 'accepted', currentCarrier: 'Verizon Business' });
    expect(await saved(id)).toEqual([]);

    const added = await submitNumbersStep(checked, formData({ requestId: id, rowCount: 3, ...row(0, a), ...list, intent: 'list:add' }));
    expect(added).toMatchObject({ ok: true, section: 'list', listResult: { mode: 'added' }, values: { 'rows.0.number': a } });
    // The rows' last check stays on the page beside the list's result.
    expect(added?.rowsResult).toEqual(checked?.rowsResult);
    expect(await saved(id)).toEqual([b]);
  });

  test('a stranger gets the plain 404 from the one form', async () => {
    const id = await numbersStep();
    signInAs(t.harbor);
    await expectNotFound(() => submitNumbersStep(null, formData({ requestId: id, rowCount: 1, ...row(0, t.freshNumber()), intent: 'continue' })));
    expect(await saved(id)).toEqual([]);
  });
});

describe('the losing carrier suggestion posts to step 2’s own save', () => {
  test('"Use Comcast Business" saves it as the current carrier and goes back to the numbers step', async () => {
    const id = await numbersStep();
    const state = await submitNumbersStep(null, formData({ requestId: id, rowCount: 3, ...row(0, '+14105561234'), intent: 'rows:add' }));
    expect(state?.rowsResult?.suggestedCarrier).toBe('Comcast Business');
    await expectRedirect(() => saveCarrier(null, formData({ requestId: id, losingCarrier: 'Comcast Business', requestedPortDate: '' })), `/numbers/port/${id}/numbers`);
    const [request] = await t.db.select({ losingCarrier: portRequests.losingCarrier }).from(portRequests).where(eq(portRequests.id, id));
    expect(request.losingCarrier).toBe('Comcast Business');
  });

  test('taken after the letter is signed, it voids the signature as any edit of step 2 does', async () => {
    const id = await draftReadyToSign(t.db, t.owner, t.summit, ['+14105561234']);
    await signDraft(t.db, t.owner, id);
    signInAs(t.owner);
    await expectRedirect(() => saveCarrier(null, formData({ requestId: id, losingCarrier: 'Comcast Business', requestedPortDate: '' })), `/numbers/port/${id}/numbers`);
    expect(await t.db.select().from(loaSignatures).where(and(eq(loaSignatures.portRequestId, id), isNull(loaSignatures.voidedAt)))).toEqual([]);
  });
});
