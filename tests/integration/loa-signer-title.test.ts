/**
 * Issue 15, step 7: the authorized person's title, asked beside the name on the LOA step and on the
 * signing page reached by email; the letter, its PDF and the certificate name the signer "Name,
 * Title", and print the service address when it is not the billing address.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { loaSignatures, outboxEmails, portRequests } from '@/db/schema';
import { saveSignature } from '@/app/(app)/numbers/port/[id]/loa/actions';
import { StateError } from '@/lib/errors';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { prepareLoaSignature } from '@/lib/porting/wizard/loa/prepare-signature';
import { signLoa } from '@/lib/porting/wizard/loa/sign-loa';
import { getSigningPage } from '@/lib/porting/wizard/loa/signature-request/get-signing-page';
import { sendLoaForSignature } from '@/lib/porting/wizard/loa/signature-request/send-for-signature';
import { signByLink } from '@/lib/porting/wizard/loa/signature-request/sign-by-link';
import { getObjectBytes } from '@/lib/storage/s3';
import { apiCall, makeApiKey } from '../helpers/api';
import { renderedEmails } from '../helpers/emails';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { expectRedirect, formData, setupRequestScope, signInAs } from '../helpers/request-scope';
import { setupTestContext } from '../helpers/test-context';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../helpers/request-scope').nextCacheStub);

const t = setupTestContext();
setupRequestScope();

const billing = { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' as const };
const installed = { street: '9 Harbor Way', city: 'Towson', region: 'MD', postalCode: '21204', country: 'US' as const };
const client = { ipAddress: '198.51.100.23', userAgent: 'Mozilla/5.0 (Signer) LinkBrowser/2.0' };

const activeSignature = async (id: string) => (await t.db.select().from(loaSignatures).where(and(eq(loaSignatures.portRequestId, id), isNull(loaSignatures.voidedAt))))[0];
const pendingOf = async (id: string) => (await t.db.select({ p: portRequests.pendingSignature }).from(portRequests).where(eq(portRequests.id, id)))[0].p;
async function pdfText(pdfKey: string) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await getObjectBytes(pdfKey))), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

test('the title is required on the LOA step: the message is next to it, the name typed comes back, nothing is prepared', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  signInAs(t.owner);
  expect(await saveSignature(null, formData({ requestId: id, typedName: 'Dana Whitfield', signerTitle: '' }))).toMatchObject({
    ok: false,
    fieldErrors: { signerTitle: ['Enter your title at the business, e.g. Office Manager.'] },
    values: { typedName: 'Dana Whitfield', signerTitle: '' },
  });
  expect(await saveSignature(null, formData({ requestId: id, typedName: 'Dana Whitfield', signerTitle: 'x'.repeat(61) }))).toMatchObject({ fieldErrors: { signerTitle: ['Keep the title under 60 characters.'] } });
  await expect(prepareLoaSignature(t.db, t.owner, id, { typedName: 'Dana Whitfield' })).rejects.toThrow(StateError);
  expect(await pendingOf(id)).toBeNull();

  await expectRedirect(() => saveSignature(null, formData({ requestId: id, typedName: 'Dana Whitfield', signerTitle: ' Office Manager ' })), `/numbers/port/${id}/loa?signed=1`);
  expect(await pendingOf(id)).toEqual({ kind: 'typed', typedName: 'Dana Whitfield', signerTitle: 'Office Manager' });
});

test('a signature prepared before titles were asked is not recorded: the signer signs again with their title', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await t.db.update(portRequests).set({ pendingSignature: { kind: 'typed', typedName: 'Dana Whitfield' } }).where(eq(portRequests.id, id));
  await expect(signLoa(t.db, t.owner, id, client)).rejects.toThrow('Sign the letter again at the bottom with your title at the business, then select Continue.');
  expect(await activeSignature(id)).toBeUndefined();
});

test('signed on the step: the letter, the PDF and its certificate carry the title and the service address', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await saveAddressStep(t.db, t.owner, id, { ...billing, serviceAddress: installed });
  await signDraft(t.db, t.owner, id, 'Dana Whitfield', 'Office Manager');
  const signature = await activeSignature(id);
  expect(signature).toMatchObject({ signerName: 'Dana Whitfield', signerTitle: 'Office Manager' });

  const text = await pdfText(signature.pdfKey);
  const certificate = text.slice(text.indexOf('Certificate of signature'));
  expect(text).toContain('Authorized person Dana Whitfield, Office Manager <owner@summit.example>');
  expect(text).toContain('Service address 9 Harbor Way, Towson, MD 21204, United States');
  expect(text).toContain('Billing address 100 Light St, Suite 1200, Baltimore, MD 21202, United States');
  expect(text).toContain('I, Dana Whitfield, Office Manager, confirm that I am the account holder');
  expect(certificate).toContain('Signer name Dana Whitfield Signer title Office Manager');
  const snapshot = JSON.parse((await getObjectBytes(signature.snapshotKey)).toString('utf8'));
  expect(snapshot).toMatchObject({ serviceAddress: installed, loa: { serviceAddress: installed, authorizedPerson: { name: 'Dana Whitfield', title: 'Office Manager' } } });

  // The API shows the title and the letter as signed (its SHA-256 is the signature's).
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const letter = await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key });
  expect(letter.body.signed).toMatchObject({ signerName: 'Dana Whitfield', signerTitle: 'Office Manager' });
  expect(letter.body.contentSha256).toBe(signature.contentSha256);
  expect(letter.body.fields).toEqual(expect.arrayContaining([{ label: 'Authorized person', value: 'Dana Whitfield, Office Manager <owner@summit.example>' }]));
  expect((await apiCall(t.db, 'GET', `/port-requests/${id}`, { key })).body.loa).toMatchObject({ signerName: 'Dana Whitfield', signerTitle: 'Office Manager' });
});

describe('signed by the emailed link', () => {
  const signer = { signerName: 'Lee Okafor', signerEmail: 'lee@okafor-dental.example' };
  async function sent(signerTitle?: string) {
    const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    await sendLoaForSignature(t.db, t.owner, id, { ...signer, signerTitle });
    const emails = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-request'));
    const token = /\/sign\/([A-Za-z0-9_-]{43})/.exec(emails.filter((e) => e.toAddresses.includes(signer.signerEmail)).at(-1)!.text)![1];
    return { id, token };
  }

  test('the page suggests the sender\'s title; the signer\'s own is the one recorded, on the letter and the certificate', async () => {
    const { id, token } = await sent('Manager');
    const page = await getSigningPage(t.db, token);
    if (!page.usable) throw new Error(page.message);
    expect(page.signerTitle).toBe('Manager');
    expect(page.document.authorizedPerson).toEqual({ name: signer.signerName, email: signer.signerEmail, title: 'Manager' });

    // The title is the signer's to give: a different one signs the letter as shown (the fingerprint leaves it out, as the date).
    await signByLink(t.db, token, { typedName: 'Lee Okafor', signerTitle: 'Practice Owner', agreed: true, letterFingerprint: page.letterFingerprint }, client);
    const signature = await activeSignature(id);
    expect(signature).toMatchObject({ signerName: 'Lee Okafor', signerTitle: 'Practice Owner', signatureRequestId: expect.any(String) });
    const text = await pdfText(signature.pdfKey);
    expect(text).toContain('Authorized person Lee Okafor, Practice Owner <lee@okafor-dental.example>');
    expect(text.slice(text.indexOf('Certificate of signature'))).toContain('Signer title Practice Owner');
    expect(text).toContain('Service address Same as billing address');

    const key = await makeApiKey(t.db, t.owner, t.summit);
    const letter = await apiCall(t.db, 'GET', `/port-requests/${id}/loa`, { key });
    expect(letter.body.signed).toMatchObject({ signerName: 'Lee Okafor', signerTitle: 'Practice Owner', viaLink: true });
    expect(letter.body.signatureRequest).toMatchObject({ state: 'signed', signerTitle: 'Manager' });
    expect(letter.body.contentSha256).toBe(signature.contentSha256);
  });

  test('without a title nothing is signed; the send form\'s title is optional, and the API takes it', async () => {
    const { id, token } = await sent();
    const page = await getSigningPage(t.db, token);
    if (!page.usable) throw new Error(page.message);
    expect(page.signerTitle).toBeNull();
    await expect(signByLink(t.db, token, { typedName: 'Lee Okafor', signerTitle: '  ', agreed: true, letterFingerprint: page.letterFingerprint }, client)).rejects.toThrow(
      'Enter your title at the business, e.g. Office Manager.',
    );
    expect(await activeSignature(id)).toBeUndefined();

    const key = await makeApiKey(t.db, t.owner, t.summit);
    const other = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
    const viaApi = await apiCall(t.db, 'POST', `/port-requests/${other}/loa/signature-request`, { key, json: { ...signer, signerTitle: 'Office Manager' } });
    expect(viaApi.status).toBe(201);
    expect(viaApi.body).toMatchObject({ state: 'waiting', signerTitle: 'Office Manager' });
    const letter = await apiCall(t.db, 'GET', `/port-requests/${other}/loa`, { key });
    expect(letter.body.fields).toEqual(expect.arrayContaining([{ label: 'Authorized person', value: 'Lee Okafor, Office Manager <lee@okafor-dental.example>' }]));
  });
});
