import { eq, sql } from 'drizzle-orm';
import { listEmailsSent } from '@/lib/porting/queries/list-emails-sent';
import { extractText, getDocumentProxy } from 'unpdf';
import { loaSignatures, outboxEmails, portRequests } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { decryptPin } from '@/lib/crypto/pin';
import { NotFoundError, StateError } from '@/lib/errors';
import { discardDraft } from '@/lib/porting/wizard/discard-draft';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { getWizardDraft } from '@/lib/porting/wizard/get-wizard-draft';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { getObjectBytes } from '@/lib/storage/s3';
import { renderedEmails } from '../helpers/emails';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { tinyPng } from '../helpers/files';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();

const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];

test('the PIN is stored only as ciphertext and never handed to the pages', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  const [row] = await t.db.select({ pin: portRequests.accountPinCiphertext }).from(portRequests).where(eq(portRequests.id, id));
  expect(row.pin).not.toContain(TEST_PIN);
  expect(row.pin).toMatch(/^v1:/);
  expect(decryptPin(row.pin!, getEnv().pinEncryptionKey)).toBe(TEST_PIN);
  const draft = await getWizardDraft(t.db, t.owner, id);
  expect(draft.hasPin).toBe(true);
  expect(JSON.stringify(draft)).not.toContain(TEST_PIN);
  expect(JSON.stringify(draft)).not.toContain(row.pin!);
});

test('the signed LOA PDF opens and holds the certificate; the snapshot beside it has no PIN', async () => {
  const [first, second] = t.freshNumbers(2);
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [first, second]);
  await signDraft(t.db, t.owner, id);
  const [signature] = await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id));

  const pdf = await getObjectBytes(signature.pdfKey);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  for (const expected of ['Letter of Authorization', 'Summit Marketing Group LLC', 'Verizon Business', '8834-2219', first, second, 'Dana Whitfield', 'owner@summit.example', '203.0.113.7', 'TestBrowser/1.0', signature.contentSha256]) {
    expect(text).toContain(expected);
  }
  expect(text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
  expect(text).not.toContain(TEST_PIN);

  const snapshot = (await getObjectBytes(signature.snapshotKey)).toString('utf8');
  expect(JSON.parse(snapshot)).toMatchObject({ requestId: id, customerName: 'Summit Marketing Group LLC', contentSha256: signature.contentSha256 });
  expect(snapshot).not.toContain(TEST_PIN);
});

test('discarding a signed draft deletes it and the letters it made, and leaves a submitted request alone', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  await saveCustomerStep(t.db, t.owner, id, { customerName: 'Summit Marketing Grp', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  await signDraft(t.db, t.owner, id); // a second letter; the first stays on file as voided
  const letters = await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id));
  expect(letters).toHaveLength(2);
  await discardDraft(t.db, t.owner, id);
  expect(await t.db.select().from(portRequests).where(eq(portRequests.id, id))).toEqual([]);
  for (const key of letters.flatMap((l) => [l.pdfKey, l.snapshotKey])) await expect(getObjectBytes(key)).rejects.toThrow();

  const sent = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, sent);
  await submitPortRequest(t.db, t.owner, sent, proof());
  await expect(discardDraft(t.db, t.owner, sent)).rejects.toThrow(StateError);
  const [kept] = await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, sent));
  expect((await getObjectBytes(kept.pdfKey)).subarray(0, 5).toString()).toBe('%PDF-');
});

test('changing the customer name after signing voids the signature and asks for the LOA again', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  expect((await getWizardDraft(t.db, t.owner, id)).signature).not.toBeNull();
  await saveCustomerStep(t.db, t.owner, id, { customerName: 'Summit Marketing Grp', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  const draft = await getWizardDraft(t.db, t.owner, id);
  expect(draft.signature).toBeNull();
  expect(draft.completedSteps).not.toContain('loa');
  await expect(submitPortRequest(t.db, t.owner, id, proof())).rejects.toThrow(StateError);
});

test('a double submit creates one request and one confirmation email', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  const results = await Promise.all([submitPortRequest(t.db, t.owner, id, proof()), submitPortRequest(t.db, t.owner, id, proof())]);
  expect(results.map((r) => r.alreadySubmitted).sort()).toEqual([false, true]);
  expect(results[0].requestIds).toEqual([id]);
  const replay = await submitPortRequest(t.db, t.owner, id, proof());
  expect(replay).toEqual({ requestIds: [id], alreadySubmitted: true });

  const [request] = await t.db.select().from(portRequests).where(eq(portRequests.id, id));
  expect(request.status).toBe('submitted');
  const emails = await renderedEmails(t.db, eq(outboxEmails.subjectRef, `port-request:${id}`));
  expect(emails).toHaveLength(1);
  expect(emails[0].toAddresses).toEqual(['owner@summit.example']);
  expect(emails[0].html).toContain(`/numbers/port/${id}`);
  expect(emails[0].html + emails[0].text).not.toContain(TEST_PIN);
});

test('proof that is not a PDF or image, or over 10 MB, is refused with a message and nothing is submitted', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  const renamed = { name: 'bill.pdf', bytes: new TextEncoder().encode('just some text, not a PDF') };
  await expect(submitPortRequest(t.db, t.owner, id, [renamed])).rejects.toThrow(/bill\.pdf/);
  const huge = { name: 'scan.pdf', bytes: new Uint8Array(11 * 1024 * 1024) };
  await expect(submitPortRequest(t.db, t.owner, id, [huge])).rejects.toThrow(/10 MB/);
  await expect(submitPortRequest(t.db, t.owner, id, [])).rejects.toThrow(/bill or a screenshot/);
  const [request] = await t.db.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, id));
  expect(request.status).toBe('draft');
});

test('a draft mixing US, Canadian and toll-free numbers becomes three linked requests on submission', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber(), t.freshNumber('CA'), t.freshNumber('toll-free')]);
  await signDraft(t.db, t.owner, id);
  const { requestIds } = await submitPortRequest(t.db, t.owner, id, proof());
  expect(requestIds).toHaveLength(3);
  const rows = await t.db
    .select({ id: portRequests.id, group: portRequests.numberGroup, sibling: portRequests.siblingGroupId, status: portRequests.status })
    .from(portRequests)
    .where(eq(portRequests.siblingGroupId, id));
  expect(rows.map((r) => r.group).sort()).toEqual(['ca_local', 'toll_free', 'us_local']);
  expect(rows.every((r) => r.status === 'submitted')).toBe(true);
  const [{ signatures }] = await t.db
    .select({ signatures: sql<number>`count(*)::int` })
    .from(loaSignatures)
    .where(sql`${loaSignatures.portRequestId} in (select id from port_requests where sibling_group_id = ${id})`);
  expect(signatures).toBe(3);
  // One submission email for the three, shown on each of them (it is filed under the first).
  for (const row of rows) {
    const sent = await listEmailsSent(t.db, t.owner, row.id);
    expect(sent.filter((e) => e.subject.startsWith('Port request received')).map((e) => e.subject)).toEqual([expect.stringContaining('3 numbers')]);
  }
});

test('a user of another account cannot touch the draft, and a sub-account user cannot reach the agency\'s', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  const harbor = t.harbor;
  const dental = t.dental;
  for (const stranger of [harbor, dental]) {
    await expect(getWizardDraft(t.db, stranger, id)).rejects.toThrow(NotFoundError);
    await expect(saveCarrierStep(t.db, stranger, id, { losingCarrier: 'Hijack Telecom', requestedPortDate: undefined })).rejects.toThrow(NotFoundError);
    await expect(submitPortRequest(t.db, stranger, id, proof())).rejects.toThrow(NotFoundError);
  }
  const [request] = await t.db.select({ carrier: portRequests.losingCarrier }).from(portRequests).where(eq(portRequests.id, id));
  expect(request.carrier).toBe('Verizon Business');
});
