/**
 * The LOA step's "Send for signature", "Resend" and "Cancel the signing link" (app/(app)/numbers/port/[id]/loa/actions.ts)
 * and the public signing page's Sign and Decline (app/sign/[token]/actions.ts), called with forms as
 * a post without JavaScript sends them: no session needed on the signing page, the token a hidden field.
 */
import { eq } from 'drizzle-orm';
import { loaSignatureRequests, loaSignatures, outboxEmails } from '@/db/schema';
import { resendSignatureRequest, revokeSignatureRequest, sendForSignature } from '@/app/(app)/numbers/port/[id]/loa/actions';
import { declineLetter, signLetter } from '@/app/sign/[token]/actions';
import { getSigningPage } from '@/lib/porting/wizard/loa/signature-request/get-signing-page';
import { renderedEmails } from '../../helpers/emails';
import { draftReadyToSign } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, setupRequestScope, signInAs } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext();
setupRequestScope();

const lastLink = async () => {
  const emails = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-request'));
  return /\/sign\/([A-Za-z0-9_-]{43})/.exec(emails.at(-1)!.text)![1];
};

test('send, resend and cancel from the LOA step; a stranger gets the 404 before the form is read', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  signInAs(t.harbor);
  await expectNotFound(() => sendForSignature(null, formData({ requestId: id, signerName: 'Dana Whitfield', signerEmail: 'not an email' })));
  await expectNotFound(() => resendSignatureRequest(null, formData({ requestId: id })));
  await expectNotFound(() => revokeSignatureRequest(null, formData({ requestId: id })));

  signInAs(t.owner);
  const bad = await sendForSignature(null, formData({ requestId: id, signerName: 'Dana Whitfield', signerEmail: 'not an email' }));
  expect(bad).toMatchObject({ ok: false, fieldErrors: { signerEmail: ['Enter an email address like name@company.com.'] }, values: { signerName: 'Dana Whitfield' } });
  await expectRedirect(() => sendForSignature(null, formData({ requestId: id, signerName: 'Dana Whitfield', signerEmail: 'Dana@Whitfield.example' })), `/numbers/port/${id}/loa?sent=1`);
  const [row] = await t.db.select().from(loaSignatureRequests).where(eq(loaSignatureRequests.portRequestId, id));
  expect(row.signerEmail).toBe('dana@whitfield.example');
  await expectRedirect(() => resendSignatureRequest(null, formData({ requestId: id })), `/numbers/port/${id}/loa?sent=1`);
  await expectRedirect(() => revokeSignatureRequest(null, formData({ requestId: id })), `/numbers/port/${id}/loa?cancelled=1`);
  expect(await revokeSignatureRequest(null, formData({ requestId: id }))).toMatchObject({ ok: false, formError: 'No signature request is waiting to be cancelled.' });
});

test('the signing page signs typed without a session, and declines with a reason', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  signInAs(t.owner);
  await expectRedirect(() => sendForSignature(null, formData({ requestId: id, signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield.example' })), `/numbers/port/${id}/loa?sent=1`);
  const token = await lastLink();
  signInAs(null);
  const page = await getSigningPage(t.db, token);
  const letterFingerprint = page.usable ? page.letterFingerprint : '';
  expect(await signLetter(null, formData({ token, typedName: 'Dana Whitfield', agreed: 'on' }))).toMatchObject({ ok: false, fieldErrors: { letterFingerprint: [expect.stringContaining('sign the letter as the page shows it')] } });
  expect(await signLetter(null, formData({ token, typedName: 'Dana Whitfield', letterFingerprint }))).toMatchObject({ ok: false, fieldErrors: { agreed: ['Select "I agree" to sign the letter electronically.'] } });
  expect(await declineLetter(null, formData({ token, reason: '  ' }))).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining('Tell the sender')] } });
  // The title is asked beside the name: without it nothing is signed, and what was typed comes back.
  expect(await signLetter(null, formData({ token, typedName: 'Dana Whitfield', signerTitle: ' ', agreed: 'on', letterFingerprint }))).toMatchObject({
    ok: false,
    fieldErrors: { signerTitle: ['Enter your title at the business, e.g. Office Manager.'] },
    values: { typedName: 'Dana Whitfield', letterFingerprint },
  });
  await expectRedirect(() => signLetter(null, formData({ token, typedName: 'Dana Whitfield', signerTitle: 'Office Manager', agreed: 'on', letterFingerprint })), `/sign/${token}`);
  expect((await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id)))[0]).toMatchObject({ signerName: 'Dana Whitfield', signerTitle: 'Office Manager' });
  expect(await signLetter(null, formData({ token, typedName: 'Dana Whitfield', signerTitle: 'Office Manager', agreed: 'on', letterFingerprint }))).toMatchObject({ ok: false, formError: expect.stringMatching(/^Signed\./) });

  signInAs(t.owner);
  const other = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await expectRedirect(() => sendForSignature(null, formData({ requestId: other, signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield.example' })), `/numbers/port/${other}/loa?sent=1`);
  const second = await lastLink();
  signInAs(null);
  await expectRedirect(() => declineLetter(null, formData({ token: second, reason: 'Not our account.' })), `/sign/${second}`);
  // A token that is not one goes nowhere but the generic answer.
  expect(await signLetter(null, formData({ token: '../../numbers', typedName: 'Dana Whitfield', signerTitle: 'Office Manager', agreed: 'on', letterFingerprint }))).toMatchObject({ ok: false, formError: expect.stringMatching(/^This link is not valid/) });
});
