/**
 * The regulatory console's server actions (app/staff/requests/[id]/actions.ts) called with forms,
 * as the decision buttons post them: the staff check, the form's version, the decision, and the
 * redirect back to the request.
 */
import { eq } from 'drizzle-orm';
import { portRequests } from '@/db/schema';
import {
  activateNowAction, approveAction, requestChangesAction, requestFocChangeAction, retryCarrierOrderAction, revealPinAction, startReviewAction, submitToCarrierAction,
} from '@/app/staff/requests/[id]/actions';
import { submittedRequest, TEST_PIN } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, signInAs, setupRequestScope } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext();
setupRequestScope();

const requestRow = async (id: string) => (await t.db.select({ status: portRequests.status, version: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0];
const decision = (id: string, version: number, extra: Record<string, string | string[]> = {}) => formData({ requestId: id, version, ...extra });

test('"Start review" and then "Approve" each land and go back to the request', async () => {
  const id = await submittedRequest(t.db, t.owner, t.summit);
  signInAs(t.staff);
  const submitted = await requestRow(id);
  expect(submitted.status).toBe('submitted');

  await expectRedirect(() => startReviewAction(null, decision(id, submitted.version)), `/staff/requests/${id}`);
  const inReview = await requestRow(id);
  expect(inReview).toEqual({ status: 'in_review', version: submitted.version + 1 });

  await expectRedirect(() => approveAction(null, decision(id, inReview.version)), `/staff/requests/${id}`);
  expect(await requestRow(id)).toEqual({ status: 'approved', version: inReview.version + 1 });
});

test('a decision made on a stale page comes back as a message on the form, and changes nothing', async () => {
  const id = await submittedRequest(t.db, t.owner, t.summit);
  signInAs(t.staff);
  const seen = (await requestRow(id)).version;
  await expectRedirect(() => startReviewAction(null, decision(id, seen)), `/staff/requests/${id}`);

  // The page still shows the version from before the review started.
  const state = await approveAction(null, decision(id, seen));
  expect(state).toMatchObject({ ok: false, formError: expect.stringMatching(/changed while you were looking at it/), values: { requestId: id, version: String(seen) } });
  expect(await requestRow(id)).toEqual({ status: 'in_review', version: seen + 1 });
});

test('a form without its version is refused at the field', async () => {
  const id = await submittedRequest(t.db, t.owner, t.summit);
  signInAs(t.staff);
  const state = await startReviewAction(null, formData({ requestId: id }));
  expect(state).toMatchObject({ ok: false, fieldErrors: { version: [expect.any(String)] } });
  expect((await requestRow(id)).status).toBe('submitted');
});

test('"Request changes" reads every ticked reason', async () => {
  const id = await submittedRequest(t.db, t.owner, t.summit);
  signInAs(t.staff);
  await expectRedirect(async () => startReviewAction(null, decision(id, (await requestRow(id)).version)), `/staff/requests/${id}`);
  const { version } = await requestRow(id);
  await expectRedirect(
    () => requestChangesAction(null, decision(id, version, { reasons: ['zip_mismatch', 'name_mismatch'], note: 'The CSR shows 21201.' })),
    `/staff/requests/${id}`,
  );
  expect((await requestRow(id)).status).toBe('changes_needed');
});

test('an account user calling a staff action gets the plain 404, and nothing changes; signed out goes to sign in', async () => {
  const id = await submittedRequest(t.db, t.owner, t.summit);
  const before = await requestRow(id);
  for (const customer of [t.owner, t.harbor]) {
    signInAs(customer);
    await expectNotFound(() => startReviewAction(null, decision(id, before.version)));
    await expectNotFound(() => approveAction(null, decision(id, before.version)));
    await expectNotFound(() => revealPinAction(null, formData({ requestId: id })));
    // The carrier's actions: the same door, before the form is read.
    await expectNotFound(() => submitToCarrierAction(null, decision(id, before.version)));
    await expectNotFound(() => retryCarrierOrderAction(null, formData({ requestId: id })));
    await expectNotFound(() => requestFocChangeAction(null, decision(id, before.version, { focDate: '2026-12-15', focTime: '15:00' })));
    await expectNotFound(() => activateNowAction(null, formData({ requestId: id })));
  }
  // The team naming a request that does not exist: the 404 too, not a form message.
  signInAs(t.staff);
  await expectNotFound(() => submitToCarrierAction(null, decision('00000000-0000-4000-8000-000000000000', 1)));
  signInAs(null);
  await expectRedirect(() => startReviewAction(null, decision(id, before.version)), '/sign-in');
  expect(await requestRow(id)).toEqual(before);
});

test('"Reveal PIN" answers the PIN in the form state only', async () => {
  const id = await submittedRequest(t.db, t.owner, t.summit);
  signInAs(t.staff);
  expect(await revealPinAction(null, formData({ requestId: id }))).toEqual({ ok: true, message: TEST_PIN });
});
