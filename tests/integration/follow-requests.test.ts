import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { outboxEmails, portRequests } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import type { Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { resendTransport } from '@/lib/mail/transport';
import { cancelPortRequest } from '@/lib/porting/cancel-port-request';
import { addNote } from '@/lib/porting/notes/add-note';
import { listNotes } from '@/lib/porting/notes/list-notes';
import { addRecipient, listRecipients, removeRecipient } from '@/lib/porting/notes/recipients';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { listPortRequests } from '@/lib/porting/queries/list-port-requests';
import { parseListFilters } from '@/lib/porting/queries/list-filters';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { startReview } from '@/lib/porting/review/decide';
import { submitPortRequest } from '@/lib/porting/submission/submit-port-request';
import type { Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { createTestStorage } from '../helpers/storage';

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor, analyst: Actor, dental: Actor, harbor: Actor, staff: Actor;
let agencyRequest: string, dentalRequest: string;

async function submitted(actor: Actor, accountName: string, number: string) {
  const id = await draftReadyToSign(handle.db, actor, await accountIdByName(handle.db, accountName), [number]);
  await signDraft(handle.db, actor, id, actor.name ?? 'Test Signer');
  await submitPortRequest(handle.db, actor, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  return id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  [owner, analyst, dental, harbor, staff] = await Promise.all(
    ['owner@summit.example', 'analyst@summit.example', 'dental@summit.example', 'office@harbor.example', 'regulatory@porting.example'].map((e) => actorByEmail(handle.db, e)),
  );
  agencyRequest = await submitted(owner, 'Summit Marketing Group', '+14105550180');
  dentalRequest = await submitted(dental, 'Summit Dental', '+13015550181');
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

test('an agency sees its sub-accounts\' requests with the account named; a sub-account user sees only its own', async () => {
  const agencyView = await listPortRequests(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'));
  expect(agencyView.rows.map((r) => r.id)).toEqual(expect.arrayContaining([agencyRequest, dentalRequest]));
  expect(agencyView.rows.find((r) => r.id === dentalRequest)?.accountName).toBe('Summit Dental');

  const dentalView = await listPortRequests(handle.db, dental, await accountIdByName(handle.db, 'Summit Dental'));
  expect(dentalView.rows.map((r) => r.id)).toEqual([dentalRequest]);
  expect(await listPortRequests(handle.db, dental, await accountIdByName(handle.db, 'Summit Marketing Group'))).toEqual({ rows: [], hasMore: false });
  await expect(getPortRequestDetail(handle.db, dental, agencyRequest)).rejects.toThrow(NotFoundError);
});

test('the list finds a request by a number typed in any format, and filters by status', async () => {
  const summit = await accountIdByName(handle.db, 'Summit Marketing Group');
  for (const typed of ['(410) 555-0180', '410.555.0180', '+1 410-555-0180']) {
    const byNumber = await listPortRequests(handle.db, owner, summit, { number: parseListFilters({ number: typed }).e164 });
    expect(byNumber.rows.map((r) => r.id)).toEqual([agencyRequest]);
  }
  expect((await listPortRequests(handle.db, owner, summit, { status: 'completed' })).rows).toEqual([]);
  expect((await listPortRequests(handle.db, owner, summit, { status: 'submitted' })).rows.length).toBe(2);
});

const foreignCalls: Record<string, () => Promise<unknown>> = {
  'the request page': () => getPortRequestDetail(handle.db, harbor, agencyRequest),
  'the notes': () => listNotes(handle.db, harbor, agencyRequest),
  'the recipients': () => listRecipients(handle.db, harbor, agencyRequest),
  'adding a note': () => addNote(handle.db, harbor, agencyRequest, { body: 'hi', visibility: 'public' }),
  'adding a recipient': () => addRecipient(handle.db, harbor, agencyRequest, 'office@harbor.example'),
  'removing a recipient': () => removeRecipient(handle.db, harbor, agencyRequest, owner.userId),
  'cancelling': () => cancelPortRequest(handle.db, harbor, agencyRequest, { version: 2 }),
};

test.each(Object.keys(foreignCalls))('a user of another account gets "not found" from %s, and nothing changes', async (name) => {
  await expect(foreignCalls[name]()).rejects.toThrow(NotFoundError);
  const [request] = await handle.db.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, agencyRequest));
  expect(request.status).toBe('submitted');
  expect((await listRecipients(handle.db, owner, agencyRequest)).length).toBeLessThanOrEqual(2);
});

test('only platform users who can see the account may be recipients; the submitter cannot be removed', async () => {
  const refusal = /Only users of this platform who can see this account/;
  await expect(addRecipient(handle.db, owner, agencyRequest, 'stranger@nowhere.example')).rejects.toThrow(refusal);
  await expect(addRecipient(handle.db, owner, agencyRequest, 'office@harbor.example')).rejects.toThrow(refusal);
  // Dental's user may not see the agency account, so may not receive its updates either.
  await expect(addRecipient(handle.db, owner, agencyRequest, 'dental@summit.example')).rejects.toThrow(refusal);
  await addRecipient(handle.db, owner, agencyRequest, 'Analyst@Summit.example');
  await expect(addRecipient(handle.db, owner, agencyRequest, 'analyst@summit.example')).rejects.toThrow(StateError);
  await expect(removeRecipient(handle.db, owner, agencyRequest, owner.userId)).rejects.toThrow(/always receives/);
  expect((await listRecipients(handle.db, owner, agencyRequest)).map((r) => [r.email, r.isSubmitter])).toEqual([
    ['owner@summit.example', true],
    ['analyst@summit.example', false],
  ]);
});

test('a note from the team reaches the submitter and each recipient once, links the request and never holds the PIN', async () => {
  const standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
  try {
    await handle.db.update(outboxEmails).set({ status: 'sent' });
    await addNote(handle.db, staff, agencyRequest, { body: 'Your carrier confirmed the CSR. <b>bold?</b>', visibility: 'public' });
    await addNote(handle.db, staff, agencyRequest, { body: 'Internal: the PIN looked odd.', visibility: 'internal' });
    await deliverDueEmails({ db: handle.db, transport: resendTransport('re_test') });
    const received = standIn.accepted.flatMap((m) => m.body.to.map((to) => ({ ...m.body, to })));
    expect(received.map((r) => r.to).sort()).toEqual(['analyst@summit.example', 'owner@summit.example']);
    for (const email of received) {
      expect(email.subject).toContain('(410) 555-0180');
      expect(email.html).toContain(`/numbers/port/${agencyRequest}`);
      expect(email.text).toContain(`/numbers/port/${agencyRequest}`);
      expect(email.html).toContain('&lt;b&gt;bold?&lt;/b&gt;');
      expect(email.html + email.text).not.toContain(TEST_PIN);
      expect(email.html + email.text).not.toContain('Internal: the PIN looked odd.');
    }
  } finally {
    await standIn.close();
  }
  const customerThread = await listNotes(handle.db, owner, agencyRequest);
  expect(customerThread.notes.map((n) => [n.authorName, n.body])).toEqual([['Porting team', 'Your carrier confirmed the CSR. <b>bold?</b>']]);
  expect((await listNotes(handle.db, staff, agencyRequest)).notes).toHaveLength(2);
});

test('the bubble shows unread team notes until the user opens the thread', async () => {
  const summit = await accountIdByName(handle.db, 'Summit Marketing Group');
  const before = (await listPortRequests(handle.db, analyst, summit)).rows.find((r) => r.id === agencyRequest)!;
  expect(before).toMatchObject({ noteCount: 1, hasUnread: true });
  await listNotes(handle.db, analyst, agencyRequest);
  const after = (await listPortRequests(handle.db, analyst, summit)).rows.find((r) => r.id === agencyRequest)!;
  expect(after).toMatchObject({ noteCount: 1, hasUnread: false });
});

test('an update the team emails (here: changes asked) is also in the notes behind the bubble, once, and unread until opened', async () => {
  const id = await submitted(owner, 'Summit Marketing Group', '+14105550182');
  const summit = await accountIdByName(handle.db, 'Summit Marketing Group');
  const version = async () => (await handle.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
  await startReview(handle.db, staff, id, await version());
  await requestChanges(handle.db, staff, id, { reasons: ['zip_mismatch'], numberIds: [], note: 'The CSR shows 21201.', version: await version() });

  const row = (await listPortRequests(handle.db, owner, summit)).rows.find((r) => r.id === id)!;
  expect(row.hasUnread).toBe(true);
  const thread = (await listNotes(handle.db, owner, id)).notes;
  const changes = thread.find((n) => n.body.includes('ZIP or postal code does not match'))!;
  expect(changes).toMatchObject({ authorName: 'Porting team', fromTeam: true });
  expect(changes.body).toContain('The CSR shows 21201.');
  expect(thread.filter((n) => n.body.includes('ZIP or postal code does not match'))).toHaveLength(1);
  const emails = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`));
  expect(emails.filter((e) => e.template === 'changes-needed')).toHaveLength(1);
  expect(thread.every((n) => !n.body.includes(TEST_PIN))).toBe(true);
  expect((await listPortRequests(handle.db, owner, summit)).rows.find((r) => r.id === id)!.hasUnread).toBe(false);
});

test('a customer cannot cancel within 48 hours of the port date, and can before, once', async () => {
  const soon = new Date(Date.now() + 24 * 3_600_000);
  await handle.db.update(portRequests).set({ focDate: soon }).where(eq(portRequests.id, dentalRequest));
  const [request] = await handle.db.select().from(portRequests).where(eq(portRequests.id, dentalRequest));
  await expect(cancelPortRequest(handle.db, dental, dentalRequest, { version: request.version })).rejects.toThrow(/less than 48 hours/);
  await handle.db.update(portRequests).set({ focDate: null }).where(eq(portRequests.id, dentalRequest));
  await cancelPortRequest(handle.db, dental, dentalRequest, { version: request.version, reason: 'Staying with our carrier' });
  await expect(cancelPortRequest(handle.db, dental, dentalRequest, { version: request.version + 1 })).rejects.toThrow(StateError);
  const detail = await getPortRequestDetail(handle.db, dental, dentalRequest);
  expect(detail.request.status).toBe('cancelled');
  expect(detail.numbers.map((n) => n.status)).toEqual(['cancelled']);
});
