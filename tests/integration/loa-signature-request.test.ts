/**
 * Issue 14: the LOA sent for signature to the account holder, who need not be a platform user. A
 * single-use link (7 days, revocable, resent on request) to a page with the letter and nothing else
 * of the account; signed drawn or typed, or declined with a reason; the requester is told.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { loaSignatureRequests, loaSignatures, outboxEmails, portRequestEvents, portRequests } from '@/db/schema';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { declineByLink } from '@/lib/porting/wizard/loa/signature-request/decline-by-link';
import { getSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/get-signature-request';
import { getSigningPage } from '@/lib/porting/wizard/loa/signature-request/get-signing-page';
import { resendLoaSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/resend';
import { revokeLoaSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/revoke';
import { sendLoaForSignature } from '@/lib/porting/wizard/loa/signature-request/send-for-signature';
import type { SignByLinkInput } from '@/lib/porting/wizard/loa/signature-request/schema';
import { signByLink } from '@/lib/porting/wizard/loa/signature-request/sign-by-link';
import { listPortRequests } from '@/lib/porting/queries/list-port-requests';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { mailboxTransport } from '@/lib/mail/transport';
import { getObjectBytes } from '@/lib/storage/s3';
import { apiCall, makeApiKey } from '../helpers/api';
import { renderedEmails } from '../helpers/emails';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();

const signer = { signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield-dental.example' };
const client = { ipAddress: '198.51.100.23', forwardedFor: '198.51.100.23, 10.0.0.2', userAgent: 'Mozilla/5.0 (Signer) LinkBrowser/2.0' };
const typed = { typedName: 'Dana Whitfield', signerTitle: 'Office Manager', agreed: true as const };
const DAY = 24 * 60 * 60 * 1000;

/** The links emailed to `email`, newest last, read from the outbox as the signer will read them. */
async function linksTo(email: string): Promise<string[]> {
  const emails = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-request'));
  return emails.filter((e) => e.toAddresses.includes(email)).map((e) => /\/sign\/([A-Za-z0-9_-]{43})/.exec(e.text)![1]);
}
const lastLink = async (email = signer.signerEmail) => (await linksTo(email)).at(-1)!;

async function sentForSignature(now = new Date()) {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await sendLoaForSignature(t.db, t.owner, id, signer, now);
  return { id, token: await lastLink() };
}

/** Signs as the page does: with the fingerprint of the letter the page shows (or a made-up one when the link is dead). */
async function sign(token: string, input: Omit<SignByLinkInput, 'letterFingerprint'> & { letterFingerprint?: string }, by = client, now = new Date()) {
  const page = await getSigningPage(t.db, token, now);
  return signByLink(t.db, token, { letterFingerprint: page.usable ? page.letterFingerprint : 'f'.repeat(64), ...input }, by, now);
}

const activeSignatures = (id: string) => t.db.select().from(loaSignatures).where(and(eq(loaSignatures.portRequestId, id), isNull(loaSignatures.voidedAt)));
const stepsOf = async (id: string) => (await t.db.select({ s: portRequests.completedSteps }).from(portRequests).where(eq(portRequests.id, id)))[0].s;
const eventsOf = async (id: string, type: string) => t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.portRequestId, id), eq(portRequestEvents.type, type)));

test('send: the signer gets an email naming the sender and the business, with a link on APP_URL; never the PIN nor anything else of the account', async () => {
  const { id, token } = await sentForSignature();
  const [email] = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-request'));
  expect(email.toAddresses).toEqual([signer.signerEmail]);
  expect(email.subject).toBe('Please sign the Letter of Authorization for Summit Marketing Group LLC');
  expect(email.text).toContain(`${process.env.APP_URL ?? 'http://localhost'}`);
  expect(email.text).toContain(`/sign/${token}`);
  expect(email.text).toContain(t.owner.email);
  for (const secret of [TEST_PIN, '8834-2219', '100 Light St', 'Summit Dental']) expect({ secret, shown: `${email.html}${email.text}${email.subject}`.includes(secret) }).toEqual({ secret, shown: false });
  // The token is kept only as its SHA-256.
  const [row] = await t.db.select().from(loaSignatureRequests).where(eq(loaSignatureRequests.portRequestId, id));
  expect(row.tokenSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(row)).not.toContain(token);
  expect(row).toMatchObject({ ...signer, sentByUserId: t.owner.userId, sentByApiKeyId: null, sendCount: 1 });
  expect(row.expiresAt.getTime() - row.sentAt.getTime()).toBe(7 * DAY);
  expect((await eventsOf(id, 'loa_signature_requested'))[0].data).toEqual(signer);
  expect(await getSignatureRequest(t.db, t.owner, id)).toMatchObject({ state: 'waiting', ...signer });
});

test('once the email has left, the outbox no longer holds the link (a credential to sign for the business); only the local mailbox keeps its copy', async () => {
  const { token } = await sentForSignature();
  await deliverDueEmails({ db: t.db, transport: mailboxTransport(t.db) });
  const rows = await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'loa-signature-request'));
  expect(rows.map((r) => r.status)).toEqual(['sent']);
  expect(JSON.stringify(rows)).not.toContain(token);
});

test('the signing page shows exactly the letter (customer, carrier, numbers, address), never the PIN', async () => {
  const { token } = await sentForSignature();
  const page = await getSigningPage(t.db, token);
  if (!page.usable) throw new Error(page.message);
  expect(page.document).toMatchObject({ accountHolder: 'Summit Marketing Group LLC', losingCarrier: 'Verizon Business', authorizedPerson: { name: signer.signerName, email: signer.signerEmail } });
  expect(page.document.numbers).toHaveLength(1);
  expect(page.sentBy).toBe(t.owner.name ?? t.owner.email);
  expect(JSON.stringify(page)).not.toContain(TEST_PIN);
  expect(JSON.stringify(page)).not.toMatch(/ciphertext|accountPin/i);
});

test('sign typed: a PDF whose certificate names the signer, the sender, the address and the SHA-256; the LOA step is complete and the requester emailed', async () => {
  const { id, token } = await sentForSignature();
  const sent = new Date();
  await sign(token, typed, client);
  const [signature] = await activeSignatures(id);
  expect(signature).toMatchObject({ signerUserId: null, signerName: signer.signerName, signerEmail: signer.signerEmail, kind: 'typed', ipAddress: client.ipAddress, forwardedFor: client.forwardedFor, userAgent: client.userAgent });
  const [request] = await t.db.select().from(loaSignatureRequests).where(eq(loaSignatureRequests.portRequestId, id));
  expect(signature.signatureRequestId).toBe(request.id);
  expect(request.signedAt).not.toBeNull();
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await getObjectBytes(signature.pdfKey))), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  for (const expected of [signer.signerName, signer.signerEmail, 'Sent for signature', t.owner.email, client.ipAddress, 'LinkBrowser/2.0', signature.contentSha256, sent.toISOString().slice(0, 10)]) {
    expect({ expected, inPdf: flat.includes(expected) }).toEqual({ expected, inPdf: true });
  }
  expect(flat).not.toContain(TEST_PIN);
  expect(await stepsOf(id)).toContain('loa');
  expect((await eventsOf(id, 'loa_signed'))[0].data).toMatchObject({ signerName: signer.signerName, signerEmail: signer.signerEmail, viaLink: true, kind: 'typed' });
  const [told] = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signed-by-link'));
  expect(told.toAddresses).toEqual([t.owner.email]);
  expect(told.html).toContain(`${signer.signerName} signed the Letter of Authorization`);
  expect(await getSignatureRequest(t.db, t.owner, id)).toMatchObject({ state: 'signed' });
});

test('sign drawn: the PNG is the signature', async () => {
  const { id, token } = await sentForSignature();
  await sign(token, { signatureDataUrl: `data:image/png;base64,${tinyPng().toString('base64')}`, signerTitle: 'Owner', agreed: true }, client);
  expect((await activeSignatures(id))[0].kind).toBe('drawn');
});

test('the link works once: a second use, and the page after, say it was signed', async () => {
  const { id, token } = await sentForSignature();
  await sign(token, typed, client);
  await expect(sign(token, typed, client)).rejects.toThrow(/^Signed\./);
  await expect(declineByLink(t.db, token, { reason: 'no' }, client)).rejects.toThrow(/^Signed\./);
  expect(await getSigningPage(t.db, token)).toMatchObject({ usable: false, reason: 'signed' });
  expect(await activeSignatures(id)).toHaveLength(1);
});

test('without "I agree", or without a name, nothing is signed', async () => {
  const { id, token } = await sentForSignature();
  await expect(sign(token, { ...typed, agreed: false as unknown as true }, client)).rejects.toThrow(/I agree/);
  await expect(sign(token, { signerTitle: 'Office Manager', agreed: true }, client)).rejects.toThrow(/type your full name/);
  expect(await activeSignatures(id)).toHaveLength(0);
});

test('after 7 days the link has expired; resend then issues a new one', async () => {
  const now = new Date();
  const { id, token } = await sentForSignature(now);
  const later = new Date(now.getTime() + 8 * DAY);
  expect(await getSigningPage(t.db, token, later)).toMatchObject({ usable: false, reason: 'expired' });
  await expect(sign(token, typed, client, later)).rejects.toThrow(/expired/);
  await resendLoaSignatureRequest(t.db, t.owner, id, later);
  const fresh = await lastLink();
  expect((await getSigningPage(t.db, fresh, later)).usable).toBe(true);
  await sign(fresh, typed, client, later);
  expect(await activeSignatures(id)).toHaveLength(1);
});

test('a cancelled (revoked) link is refused', async () => {
  const { id, token } = await sentForSignature();
  await revokeLoaSignatureRequest(t.db, t.owner, id);
  expect(await getSigningPage(t.db, token)).toMatchObject({ usable: false, reason: 'revoked' });
  await expect(sign(token, typed, client)).rejects.toThrow(/cancelled/);
  expect(await getSignatureRequest(t.db, t.owner, id)).toMatchObject({ state: 'revoked' });
  expect(await eventsOf(id, 'loa_signature_revoked')).toHaveLength(1);
});

test('resend kills the old link, extends 7 days and counts the send; sending again to someone else replaces it too', async () => {
  const now = new Date();
  const { id, token } = await sentForSignature(now);
  const resentAt = new Date(now.getTime() + 3 * DAY);
  const summary = await resendLoaSignatureRequest(t.db, t.owner, id, resentAt);
  expect(summary).toMatchObject({ state: 'waiting', sendCount: 2, expiresAt: new Date(resentAt.getTime() + 7 * DAY) });
  const second = await lastLink();
  expect(second).not.toBe(token);
  expect(await getSigningPage(t.db, token, resentAt)).toMatchObject({ usable: false, reason: 'replaced' });
  await sendLoaForSignature(t.db, t.owner, id, { signerName: 'Sam Other', signerEmail: 'sam@whitfield-dental.example' }, new Date(resentAt.getTime() + 1000));
  expect(await getSigningPage(t.db, second, new Date(resentAt.getTime() + 2000))).toMatchObject({ usable: false, reason: 'replaced' });
  const [{ outstanding }] = await t.db
    .select({ outstanding: sql<number>`count(*)::int` })
    .from(loaSignatureRequests)
    .where(and(eq(loaSignatureRequests.portRequestId, id), isNull(loaSignatureRequests.revokedAt)));
  expect(outstanding).toBe(1);
});

test('decline: the requester is emailed the reason; the link is spent', async () => {
  const { id, token } = await sentForSignature();
  await declineByLink(t.db, token, { reason: 'The account number is not ours.' }, client);
  const [told] = await renderedEmails(t.db, eq(outboxEmails.template, 'loa-signature-declined'));
  expect(told.toAddresses).toEqual([t.owner.email]);
  expect(told.text).toContain('Reason: The account number is not ours.');
  expect(await getSignatureRequest(t.db, t.owner, id)).toMatchObject({ state: 'declined', declineReason: 'The account number is not ours.' });
  expect(await getSigningPage(t.db, token)).toMatchObject({ usable: false, reason: 'declined' });
  await expect(sign(token, typed, client)).rejects.toThrow(/declined/);
  expect(await activeSignatures(id)).toHaveLength(0);
});

test('a change of a signed field after a link signature voids it, as for a signature made on the step', async () => {
  const { id, token } = await sentForSignature();
  await sign(token, typed, client);
  await saveAddressStep(t.db, t.owner, id, { street: '200 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' });
  expect(await activeSignatures(id)).toHaveLength(0);
  expect(await stepsOf(id)).not.toContain('loa');
  expect((await eventsOf(id, 'loa_voided'))[0].reason).toBe('The billing address changed after the LOA was signed.');
});

test('a sign post without the letter it was shown is refused: nobody signs a letter the page never showed', async () => {
  const { id, token } = await sentForSignature();
  await expect(signByLink(t.db, token, typed as SignByLinkInput, client)).rejects.toThrow(/sign the letter as the page shows it/);
  expect(await activeSignatures(id)).toHaveLength(0);
});

test('the letter changed since the signer opened the page: refused, sign again', async () => {
  const { id, token } = await sentForSignature();
  const page = await getSigningPage(t.db, token);
  if (!page.usable) throw new Error(page.message);
  await saveAddressStep(t.db, t.owner, id, { street: '300 Light St', unit: 'Suite 1200', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' });
  await expect(sign(token, { ...typed, letterFingerprint: page.letterFingerprint }, client)).rejects.toThrow(/letter changed/);
  expect(await activeSignatures(id)).toHaveLength(0);
});

test('the user signing on the step retires the link; a submitted request closes it', async () => {
  const { id, token } = await sentForSignature();
  await signDraft(t.db, t.owner, id);
  expect(await getSigningPage(t.db, token)).toMatchObject({ usable: false, reason: 'closed' });
  const other = await sentForSignature();
  await t.db.update(portRequests).set({ status: 'submitted' }).where(eq(portRequests.id, other.id));
  expect(await getSigningPage(t.db, other.token)).toMatchObject({ usable: false, reason: 'closed' });
});

test('the Port Numbers list tells a draft waiting for a signature, or declined, from a plain draft (one query, the tenant kept)', async () => {
  const waiting = await sentForSignature();
  const declined = await sentForSignature();
  await declineByLink(t.db, declined.token, { reason: 'Not ours.' }, client);
  const signedAfterDecline = await sentForSignature();
  await declineByLink(t.db, signedAfterDecline.token, { reason: 'Typo.' }, client);
  await signDraft(t.db, t.owner, signedAfterDecline.id);
  const signed = await sentForSignature();
  await sign(signed.token, typed);
  const plain = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  const { rows } = await listPortRequests(t.db, t.owner, t.summit);
  const of = (id: string) => rows.find((r) => r.id === id)!.signatureRequest;
  expect(of(waiting.id)).toEqual({ state: 'waiting', signerName: signer.signerName });
  expect(of(declined.id)).toEqual({ state: 'declined', signerName: signer.signerName });
  expect(of(signedAfterDecline.id)).toBeNull();
  expect(of(signed.id)).toBeNull();
  expect(of(plain)).toBeNull();
  // Expired links are not waiting.
  expect((await listPortRequests(t.db, t.owner, t.summit, { now: new Date(Date.now() + 8 * DAY) })).rows.find((r) => r.id === waiting.id)!.signatureRequest).toBeNull();
  expect(await listPortRequests(t.db, t.dental, t.summit)).toEqual({ rows: [], hasMore: false, total: 0 });
});

test('a malformed or unknown token gets the same answer', async () => {
  expect(await getSigningPage(t.db, 'nope')).toMatchObject({ usable: false, reason: 'invalid' });
  expect(await getSigningPage(t.db, 'A'.repeat(43))).toMatchObject({ usable: false, reason: 'invalid' });
});

test('two signatures posted at once make one', async () => {
  const { id, token } = await sentForSignature();
  const results = await Promise.allSettled([sign(token, typed, client), sign(token, typed, { ...client, ipAddress: '198.51.100.24' })]);
  expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  expect(await activeSignatures(id)).toHaveLength(1);
  expect(await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id))).toHaveLength(1);
  expect(await eventsOf(id, 'loa_signed')).toHaveLength(1);
});

test('a Harbor user cannot send, resend, revoke or read the signature request of a Summit request', async () => {
  const { id } = await sentForSignature();
  await expect(sendLoaForSignature(t.db, t.harbor, id, signer)).rejects.toThrow('was not found');
  await expect(resendLoaSignatureRequest(t.db, t.harbor, id)).rejects.toThrow('was not found');
  await expect(revokeLoaSignatureRequest(t.db, t.harbor, id)).rejects.toThrow('was not found');
  await expect(getSignatureRequest(t.db, t.harbor, id)).rejects.toThrow('was not found');
  expect(await getSignatureRequest(t.db, t.owner, id)).toMatchObject({ state: 'waiting' });
});

test('the link endpoints are rate limited per client address', async () => {
  const { token } = await sentForSignature();
  const now = new Date();
  const flood = { ...client, ipAddress: '192.0.2.99' };
  let refused = 0;
  for (let i = 0; i < 61; i++) {
    try {
      await declineByLink(t.db, token, { reason: '' }, flood, now);
    } catch (error) {
      if (/Too many attempts/.test((error as Error).message)) refused += 1;
    }
  }
  expect(refused).toBe(1);
  // Another address is not held back.
  await expect(declineByLink(t.db, token, { reason: '' }, client, now)).rejects.toThrow(/Tell the sender/);
});

test('a letter is emailed for signature at most 5 times a day (send and resend together); the API says 429 with Retry-After', async () => {
  const { id } = await sentForSignature();
  for (let i = 0; i < 4; i++) await resendLoaSignatureRequest(t.db, t.owner, id);
  const emails = async () => (await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'loa-signature-request'))).length;
  expect(await emails()).toBe(5);
  await expect(resendLoaSignatureRequest(t.db, t.owner, id)).rejects.toThrow(/as often as we allow in a day/);
  await expect(sendLoaForSignature(t.db, t.owner, id, { signerName: 'Someone Else', signerEmail: 'else@example.com' })).rejects.toThrow(/as often as we allow in a day/);
  const key = await makeApiKey(t.db, t.owner, t.summit);
  const refused = await apiCall(t.db, 'POST', `/port-requests/${id}/loa/signature-request/resend`, { key });
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe(String(24 * 60 * 60));
  expect(await emails()).toBe(5);
  // The next day it may go again; other requests were never held back.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000);
  await resendLoaSignatureRequest(t.db, t.owner, id, tomorrow);
  await sentForSignature();
  expect(await emails()).toBe(7);
});
