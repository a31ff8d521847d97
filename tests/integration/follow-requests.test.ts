import { eq } from 'drizzle-orm';
import { outboxEmails, portRequests } from '@/db/schema';
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
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from '../helpers/files';
import { displayed } from '../helpers/numbers';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();
// Each test starts with two submitted requests: the agency's (the owner's) and Summit Dental's.
let agencyRequest: string, dentalRequest: string;
let agencyNumber: string;

async function submitted(actor: Actor, accountId: string, number: string) {
  const id = await draftReadyToSign(t.db, actor, accountId, [number]);
  await signDraft(t.db, actor, id, actor.name ?? 'Test Signer');
  await submitPortRequest(t.db, actor, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  return id;
}

beforeEach(async () => {
  agencyNumber = t.freshNumber();
  agencyRequest = await submitted(t.owner, t.summit, agencyNumber);
  dentalRequest = await submitted(t.dental, t.summitDental, t.freshNumber());
});

/** What the earlier tests of this file used to leave: the t.analyst follows the agency's request, which has a team note. */
async function analystFollowsAndTeamWrote() {
  await addRecipient(t.db, t.owner, agencyRequest, 'analyst@summit.example');
  await addNote(t.db, t.staff, agencyRequest, { body: 'Your carrier confirmed the CSR. <b>bold?</b>', visibility: 'public' });
  await addNote(t.db, t.staff, agencyRequest, { body: 'Internal: the PIN looked odd.', visibility: 'internal' });
}

test('an agency sees its sub-accounts\' requests with the account named; a sub-account user sees only its own', async () => {
  const agencyView = await listPortRequests(t.db, t.owner, t.summit);
  expect(agencyView.rows.map((r) => r.id)).toEqual(expect.arrayContaining([agencyRequest, dentalRequest]));
  expect(agencyView.rows.find((r) => r.id === dentalRequest)?.accountName).toBe('Summit Dental');

  const dentalView = await listPortRequests(t.db, t.dental, t.summitDental);
  expect(dentalView.rows.map((r) => r.id)).toEqual([dentalRequest]);
  expect(await listPortRequests(t.db, t.dental, t.summit)).toEqual({ rows: [], hasMore: false, total: 0 });
  await expect(getPortRequestDetail(t.db, t.dental, agencyRequest)).rejects.toThrow(NotFoundError);
});

test('the list finds a request by a number typed in any format, and filters by status', async () => {
  const [, area, exchange, line] = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(agencyNumber)!;
  for (const typed of [`(${area}) ${exchange}-${line}`, `${area}.${exchange}.${line}`, `+1 ${area}-${exchange}-${line}`]) {
    const byNumber = await listPortRequests(t.db, t.owner, t.summit, { number: parseListFilters({ number: typed }).e164 });
    expect(byNumber.rows.map((r) => r.id)).toEqual([agencyRequest]);
  }
  expect((await listPortRequests(t.db, t.owner, t.summit, { status: 'completed' })).rows).toEqual([]);
  expect((await listPortRequests(t.db, t.owner, t.summit, { status: 'submitted' })).rows.length).toBe(2);
});

const foreignCalls: Record<string, () => Promise<unknown>> = {
  'the request page': () => getPortRequestDetail(t.db, t.harbor, agencyRequest),
  'the notes': () => listNotes(t.db, t.harbor, agencyRequest),
  'the recipients': () => listRecipients(t.db, t.harbor, agencyRequest),
  'adding a note': () => addNote(t.db, t.harbor, agencyRequest, { body: 'hi', visibility: 'public' }),
  'adding a recipient': () => addRecipient(t.db, t.harbor, agencyRequest, 'office@harbor.example'),
  'removing a recipient': () => removeRecipient(t.db, t.harbor, agencyRequest, t.owner.userId),
  'cancelling': () => cancelPortRequest(t.db, t.harbor, agencyRequest, { version: 2 }),
};

test.each(Object.keys(foreignCalls))('a user of another account gets "not found" from %s, and nothing changes', async (name) => {
  await expect(foreignCalls[name]()).rejects.toThrow(NotFoundError);
  const [request] = await t.db.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, agencyRequest));
  expect(request.status).toBe('submitted');
  expect((await listRecipients(t.db, t.owner, agencyRequest)).length).toBeLessThanOrEqual(2);
});

test('only platform users who can see the account may be recipients; the submitter cannot be removed', async () => {
  const refusal = /Only users of this platform who can see this account/;
  await expect(addRecipient(t.db, t.owner, agencyRequest, 'stranger@nowhere.example')).rejects.toThrow(refusal);
  await expect(addRecipient(t.db, t.owner, agencyRequest, 'office@harbor.example')).rejects.toThrow(refusal);
  // Dental's user may not see the agency account, so may not receive its updates either.
  await expect(addRecipient(t.db, t.owner, agencyRequest, 'dental@summit.example')).rejects.toThrow(refusal);
  await addRecipient(t.db, t.owner, agencyRequest, 'Analyst@Summit.example');
  await expect(addRecipient(t.db, t.owner, agencyRequest, 'analyst@summit.example')).rejects.toThrow(StateError);
  await expect(removeRecipient(t.db, t.owner, agencyRequest, t.owner.userId)).rejects.toThrow(/always receives/);
  expect((await listRecipients(t.db, t.owner, agencyRequest)).map((r) => [r.email, r.isSubmitter])).toEqual([
    ['owner@summit.example', true],
    ['analyst@summit.example', false],
  ]);
});

test('a note from the team reaches the submitter and each recipient once, links the request and never holds the PIN', async () => {
  await addRecipient(t.db, t.owner, agencyRequest, 'analyst@summit.example');
  const standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
  try {
    await t.db.update(outboxEmails).set({ status: 'sent' });
    await addNote(t.db, t.staff, agencyRequest, { body: 'Your carrier confirmed the CSR. <b>bold?</b>', visibility: 'public' });
    await addNote(t.db, t.staff, agencyRequest, { body: 'Internal: the PIN looked odd.', visibility: 'internal' });
    await deliverDueEmails({ db: t.db, transport: resendTransport('re_test') });
    const received = standIn.accepted.flatMap((m) => m.body.to.map((to) => ({ ...m.body, to })));
    expect(received.map((r) => r.to).sort()).toEqual(['analyst@summit.example', 'owner@summit.example']);
    for (const email of received) {
      expect(email.subject).toContain(displayed(agencyNumber));
      expect(email.html).toContain(`/numbers/port/${agencyRequest}`);
      expect(email.text).toContain(`/numbers/port/${agencyRequest}`);
      expect(email.html).toContain('&lt;b&gt;bold?&lt;/b&gt;');
      expect(email.html + email.text).not.toContain(TEST_PIN);
      expect(email.html + email.text).not.toContain('Internal: the PIN looked odd.');
    }
  } finally {
    await standIn.close();
  }
  const customerThread = await listNotes(t.db, t.owner, agencyRequest);
  expect(customerThread.notes.map((n) => [n.authorName, n.body])).toEqual([['Porting team', 'Your carrier confirmed the CSR. <b>bold?</b>']]);
  expect((await listNotes(t.db, t.staff, agencyRequest)).notes).toHaveLength(2);
});

test('the bubble shows unread team notes until the user opens the thread', async () => {
  await analystFollowsAndTeamWrote();
  const before = (await listPortRequests(t.db, t.analyst, t.summit)).rows.find((r) => r.id === agencyRequest)!;
  expect(before).toMatchObject({ noteCount: 1, hasUnread: true });
  await listNotes(t.db, t.analyst, agencyRequest);
  const after = (await listPortRequests(t.db, t.analyst, t.summit)).rows.find((r) => r.id === agencyRequest)!;
  expect(after).toMatchObject({ noteCount: 1, hasUnread: false });
});

test('an update the team emails (here: changes asked) is also in the notes behind the bubble, once, and unread until opened', async () => {
  const id = await submitted(t.owner, t.summit, t.freshNumber());
  const version = async () => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
  await startReview(t.db, t.staff, id, await version());
  await requestChanges(t.db, t.staff, id, { reasons: ['zip_mismatch'], numberIds: [], note: 'The CSR shows 21201.', version: await version() });

  const row = (await listPortRequests(t.db, t.owner, t.summit)).rows.find((r) => r.id === id)!;
  expect(row.hasUnread).toBe(true);
  const thread = (await listNotes(t.db, t.owner, id)).notes;
  const changes = thread.find((n) => n.body.includes('ZIP or postal code does not match'))!;
  expect(changes).toMatchObject({ authorName: 'Porting team', fromTeam: true });
  expect(changes.body).toContain('The CSR shows 21201.');
  expect(thread.filter((n) => n.body.includes('ZIP or postal code does not match'))).toHaveLength(1);
  const emails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.subjectRef, `port-request:${id}`));
  expect(emails.filter((e) => e.template === 'changes-needed')).toHaveLength(1);
  expect(thread.every((n) => !n.body.includes(TEST_PIN))).toBe(true);
  expect((await listPortRequests(t.db, t.owner, t.summit)).rows.find((r) => r.id === id)!.hasUnread).toBe(false);
});

test('a customer cannot cancel within 48 hours of the port date, and can before, once', async () => {
  const soon = new Date(Date.now() + 24 * 3_600_000);
  await t.db.update(portRequests).set({ focDate: soon }).where(eq(portRequests.id, dentalRequest));
  const [request] = await t.db.select().from(portRequests).where(eq(portRequests.id, dentalRequest));
  await expect(cancelPortRequest(t.db, t.dental, dentalRequest, { version: request.version })).rejects.toThrow(/less than 48 hours/);
  await t.db.update(portRequests).set({ focDate: null }).where(eq(portRequests.id, dentalRequest));
  await cancelPortRequest(t.db, t.dental, dentalRequest, { version: request.version, reason: 'Staying with our carrier' });
  await expect(cancelPortRequest(t.db, t.dental, dentalRequest, { version: request.version + 1 })).rejects.toThrow(StateError);
  const detail = await getPortRequestDetail(t.db, t.dental, dentalRequest);
  expect(detail.request.status).toBe('cancelled');
  expect(detail.numbers.map((n) => n.status)).toEqual(['cancelled']);
});
