import { eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import type { DatabaseHandle } from '@/db/client';
import { loaSignatures, outboxEmails, portRequests } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { decryptPin } from '@/lib/crypto/pin';
import { NotFoundError, StateError } from '@/lib/errors';
import { discardDraft } from '@/lib/porting/drafts/discard-draft';
import { saveCarrierStep } from '@/lib/porting/drafts/save-carrier';
import { saveCustomerStep } from '@/lib/porting/drafts/save-customer';
import { getWizardDraft } from '@/lib/porting/drafts/get-wizard-draft';
import { submitPortRequest } from '@/lib/porting/submission/submit-port-request';
import { getObjectBytes, type Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { renderedEmails } from '../helpers/emails';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';
import { tinyPng } from '../helpers/files';

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor;
let summitId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  owner = await actorByEmail(handle.db, 'owner@summit.example');
  summitId = await accountIdByName(handle.db, 'Summit Marketing Group');
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];

test('the PIN is stored only as ciphertext and never handed to the pages', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550151']);
  const [row] = await handle.db.select({ pin: portRequests.accountPinCiphertext }).from(portRequests).where(eq(portRequests.id, id));
  expect(row.pin).not.toContain(TEST_PIN);
  expect(row.pin).toMatch(/^v1:/);
  expect(decryptPin(row.pin!, getEnv().pinEncryptionKey)).toBe(TEST_PIN);
  const draft = await getWizardDraft(handle.db, owner, id);
  expect(draft.hasPin).toBe(true);
  expect(JSON.stringify(draft)).not.toContain(TEST_PIN);
  expect(JSON.stringify(draft)).not.toContain(row.pin!);
});

test('the signed LOA PDF opens and holds the certificate; the snapshot beside it has no PIN', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550152', '+14105550153']);
  await signDraft(handle.db, owner, id);
  const [signature] = await handle.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id));

  const pdf = await getObjectBytes(signature.pdfKey);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  for (const expected of ['Letter of Authorization', 'Summit Marketing Group LLC', 'Verizon Business', '8834-2219', '+14105550152', '+14105550153', 'Dana Whitfield', 'owner@summit.example', '203.0.113.7', 'TestBrowser/1.0', signature.contentSha256]) {
    expect(text).toContain(expected);
  }
  expect(text).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
  expect(text).not.toContain(TEST_PIN);

  const snapshot = (await getObjectBytes(signature.snapshotKey)).toString('utf8');
  expect(JSON.parse(snapshot)).toMatchObject({ requestId: id, customerName: 'Summit Marketing Group LLC', contentSha256: signature.contentSha256 });
  expect(snapshot).not.toContain(TEST_PIN);
});

test('discarding a signed draft deletes it and the letters it made, and leaves a submitted request alone', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550148']);
  await signDraft(handle.db, owner, id);
  await saveCustomerStep(handle.db, owner, id, { customerName: 'Summit Marketing Grp', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  await signDraft(handle.db, owner, id); // a second letter; the first stays on file as voided
  const letters = await handle.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id));
  expect(letters).toHaveLength(2);
  await discardDraft(handle.db, owner, id);
  expect(await handle.db.select().from(portRequests).where(eq(portRequests.id, id))).toEqual([]);
  for (const key of letters.flatMap((l) => [l.pdfKey, l.snapshotKey])) await expect(getObjectBytes(key)).rejects.toThrow();

  const sent = await draftReadyToSign(handle.db, owner, summitId, ['+14105550147']);
  await signDraft(handle.db, owner, sent);
  await submitPortRequest(handle.db, owner, sent, proof());
  await expect(discardDraft(handle.db, owner, sent)).rejects.toThrow(StateError);
  const [kept] = await handle.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, sent));
  expect((await getObjectBytes(kept.pdfKey)).subarray(0, 5).toString()).toBe('%PDF-');
});

test('changing the customer name after signing voids the signature and asks for the LOA again', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550154']);
  await signDraft(handle.db, owner, id);
  expect((await getWizardDraft(handle.db, owner, id)).signature).not.toBeNull();
  await saveCustomerStep(handle.db, owner, id, { customerName: 'Summit Marketing Grp', carrierAccountNumber: '8834-2219', accountPin: undefined, portType: 'full', billingTelephoneNumber: undefined, btnIsPorting: undefined });
  const draft = await getWizardDraft(handle.db, owner, id);
  expect(draft.signature).toBeNull();
  expect(draft.completedSteps).not.toContain('loa');
  await expect(submitPortRequest(handle.db, owner, id, proof())).rejects.toThrow(StateError);
});

test('a double submit creates one request and one confirmation email', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550155']);
  await signDraft(handle.db, owner, id);
  const results = await Promise.all([submitPortRequest(handle.db, owner, id, proof()), submitPortRequest(handle.db, owner, id, proof())]);
  expect(results.map((r) => r.alreadySubmitted).sort()).toEqual([false, true]);
  expect(results[0].requestIds).toEqual([id]);
  const replay = await submitPortRequest(handle.db, owner, id, proof());
  expect(replay).toEqual({ requestIds: [id], alreadySubmitted: true });

  const [request] = await handle.db.select().from(portRequests).where(eq(portRequests.id, id));
  expect(request.status).toBe('submitted');
  const emails = await renderedEmails(handle.db, eq(outboxEmails.subjectRef, `port-request:${id}`));
  expect(emails).toHaveLength(1);
  expect(emails[0].toAddresses).toEqual(['owner@summit.example']);
  expect(emails[0].html).toContain(`/numbers/port/${id}`);
  expect(emails[0].html + emails[0].text).not.toContain(TEST_PIN);
});

test('proof that is not a PDF or image, or over 10 MB, is refused with a message and nothing is submitted', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550156']);
  await signDraft(handle.db, owner, id);
  const renamed = { name: 'bill.pdf', bytes: new TextEncoder().encode('just some text, not a PDF') };
  await expect(submitPortRequest(handle.db, owner, id, [renamed])).rejects.toThrow(/bill\.pdf/);
  const huge = { name: 'scan.pdf', bytes: new Uint8Array(11 * 1024 * 1024) };
  await expect(submitPortRequest(handle.db, owner, id, [huge])).rejects.toThrow(/10 MB/);
  await expect(submitPortRequest(handle.db, owner, id, [])).rejects.toThrow(/bill or a screenshot/);
  const [request] = await handle.db.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, id));
  expect(request.status).toBe('draft');
});

test('a draft mixing US, Canadian and toll-free numbers becomes three linked requests on submission', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550157', '+14165550157', '+18005550157']);
  await signDraft(handle.db, owner, id);
  const { requestIds } = await submitPortRequest(handle.db, owner, id, proof());
  expect(requestIds).toHaveLength(3);
  const rows = await handle.db
    .select({ id: portRequests.id, group: portRequests.numberGroup, sibling: portRequests.siblingGroupId, status: portRequests.status })
    .from(portRequests)
    .where(eq(portRequests.siblingGroupId, id));
  expect(rows.map((r) => r.group).sort()).toEqual(['ca_local', 'toll_free', 'us_local']);
  expect(rows.every((r) => r.status === 'submitted')).toBe(true);
  const [{ signatures }] = await handle.db
    .select({ signatures: sql<number>`count(*)::int` })
    .from(loaSignatures)
    .where(sql`${loaSignatures.portRequestId} in (select id from port_requests where sibling_group_id = ${id})`);
  expect(signatures).toBe(3);
});

test('a user of another account cannot touch the draft, and a sub-account user cannot reach the agency\'s', async () => {
  const id = await draftReadyToSign(handle.db, owner, summitId, ['+14105550158']);
  const harbor = await actorByEmail(handle.db, 'office@harbor.example');
  const dental = await actorByEmail(handle.db, 'dental@summit.example');
  for (const stranger of [harbor, dental]) {
    await expect(getWizardDraft(handle.db, stranger, id)).rejects.toThrow(NotFoundError);
    await expect(saveCarrierStep(handle.db, stranger, id, { losingCarrier: 'Hijack Telecom', requestedPortDate: undefined })).rejects.toThrow(NotFoundError);
    await expect(submitPortRequest(handle.db, stranger, id, proof())).rejects.toThrow(NotFoundError);
  }
  const [request] = await handle.db.select({ carrier: portRequests.losingCarrier }).from(portRequests).where(eq(portRequests.id, id));
  expect(request.carrier).toBe('Verizon Business');
});
