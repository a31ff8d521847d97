import { and, eq, inArray } from 'drizzle-orm';
import { portRequestEvents, portRequestRecipients, portRequests } from '@/db/schema';
import { NotFoundError, StateError } from '@/lib/errors';
import { requestUpdateRecipients } from '@/lib/notifications/recipients';
import { addRecipient, listRecipients } from '@/lib/porting/notes/recipients';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { listEmailsSent } from '@/lib/porting/queries/list-emails-sent';
import { listPortRequests } from '@/lib/porting/queries/list-port-requests';
import { requestChanges } from '@/lib/porting/review/request-changes';
import { startReview } from '@/lib/porting/review/decide';
import { addNumbersToDraft } from '@/lib/porting/wizard/numbers/add-lines';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from '../helpers/files';
import { displayed } from '../helpers/numbers';
import { draftReadyToSign, signDraft, type DraftNumber } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

// The help article: numbers are ported into the account they will live in. An agency porting for a
// client (the CSV's account column) makes a request that is the client's once sent.
const t = setupTestContext();

const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];
const dentalLine = (number: string): DraftNumber => ({ number, accountName: 'Summit Dental' });

async function sentByAgency(numbers: DraftNumber[]) {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, numbers);
  await signDraft(t.db, t.owner, id);
  return (await submitPortRequest(t.db, t.owner, id, proof())).requestIds;
}

async function versionOf(id: string) {
  const [{ version }] = await t.db.select({ version: portRequests.version }).from(portRequests).where(eq(portRequests.id, id));
  return version;
}

async function accountOf(ids: string[]) {
  const rows = await t.db.select({ id: portRequests.id, accountId: portRequests.accountId }).from(portRequests).where(inArray(portRequests.id, ids));
  return new Map(rows.map((r) => [r.id, r.accountId]));
}

test('an agency request whose numbers all live in Summit Dental is Summit Dental’s once sent: its users see it and can be recipients', async () => {
  const [id, ...others] = await sentByAgency([dentalLine(t.freshNumber()), dentalLine(t.freshNumber())]);
  expect(others).toEqual([]);
  expect((await accountOf([id])).get(id)).toBe(t.summitDental);

  // Summit Dental's user finds it in their list and opens it.
  const dentalList = await listPortRequests(t.db, t.dental, t.summitDental);
  expect(dentalList.rows.map((r) => r.id)).toContain(id);
  const detail = await getPortRequestDetail(t.db, t.dental, id);
  expect(detail.accountName).toBe('Summit Dental');
  expect(detail.events.find((e) => e.toStatus === 'submitted')?.detail).toBe(
    'Sent for Summit Dental, the account its numbers will live in (started in Summit Marketing Group)',
  );

  // The agency still sees it, named by its account.
  const agencyList = await listPortRequests(t.db, t.owner, t.summit);
  expect(agencyList.rows.find((r) => r.id === id)?.accountName).toBe('Summit Dental');

  // Summit Dental's user can be added, and then hears about it.
  await addRecipient(t.db, t.owner, id, 'dental@summit.example');
  expect((await listRecipients(t.db, t.dental, id)).map((r) => r.email)).toEqual(['owner@summit.example', 'dental@summit.example']);
  expect(await requestUpdateRecipients(t.db, id)).toEqual(['owner@summit.example', 'dental@summit.example']);

  // The agency's member, who cannot use Summit Dental, and the other tenant cannot reach it.
  for (const stranger of [t.analyst, t.harbor]) await expect(getPortRequestDetail(t.db, stranger, id)).rejects.toThrow(NotFoundError);
  await expect(addRecipient(t.db, t.owner, id, 'analyst@summit.example')).rejects.toThrow(StateError);
  expect((await listPortRequests(t.db, t.analyst, t.summit)).rows.map((r) => r.id)).not.toContain(id);
});

test('a draft mixing the agency’s, Summit Dental’s and Summit Plumbing’s numbers is sent as one request per account, each seen only by its own', async () => {
  const [agencyNumber, dentalNumber, plumbingNumber] = t.freshNumbers(3);
  const draftId = await draftReadyToSign(t.db, t.owner, t.summit, [agencyNumber, dentalLine(dentalNumber), { number: plumbingNumber, accountName: 'Summit Plumbing' }]);
  // Added on the draft (an agency user), the recipient follows every part.
  await addRecipient(t.db, t.owner, draftId, 'analyst@summit.example');
  await signDraft(t.db, t.owner, draftId);
  const ids = await (await submitPortRequest(t.db, t.owner, draftId, proof())).requestIds;
  expect(ids).toHaveLength(3);
  const accounts = await accountOf(ids);
  // The draft's own part stays in the account it was made in.
  expect(accounts.get(draftId)).toBe(t.summit);
  expect([...accounts.values()].sort()).toEqual([t.summit, t.summitDental, t.summitPlumbing].sort());
  const idIn = (accountId: string) => ids.find((id) => accounts.get(id) === accountId)!;

  const dentalDetail = await getPortRequestDetail(t.db, t.dental, idIn(t.summitDental));
  expect(dentalDetail.numbers.map((n) => n.number)).toEqual([dentalNumber]);
  await expect(getPortRequestDetail(t.db, t.dental, idIn(t.summitPlumbing))).rejects.toThrow(NotFoundError);
  await expect(getPortRequestDetail(t.db, t.dental, idIn(t.summit))).rejects.toThrow(NotFoundError);
  expect((await listPortRequests(t.db, t.dental, t.summitDental)).rows.map((r) => r.id)).toEqual([idIn(t.summitDental)]);

  // The agency's member follows only the part they can see, and is listed only there.
  const following = await t.db.select({ id: portRequestRecipients.portRequestId }).from(portRequestRecipients).where(inArray(portRequestRecipients.portRequestId, ids));
  expect(following.map((f) => f.id)).toEqual([idIn(t.summit)]);
  expect(await requestUpdateRecipients(t.db, idIn(t.summit))).toContain('analyst@summit.example');
  expect(await requestUpdateRecipients(t.db, idIn(t.summitDental))).not.toContain('analyst@summit.example');

  // Each account's events, webhooks and emails name only its own requests and numbers.
  const submittedEvents = await t.db
    .select({ requestId: portRequestEvents.portRequestId, data: portRequestEvents.data })
    .from(portRequestEvents)
    .where(and(inArray(portRequestEvents.portRequestId, ids), eq(portRequestEvents.toStatus, 'submitted')));
  for (const event of submittedEvents) expect((event.data as { siblings: string[] }).siblings).toEqual([event.requestId]);
  await startReview(t.db, t.staff, idIn(t.summit), await versionOf(idIn(t.summit)));
  await requestChanges(t.db, t.staff, idIn(t.summit), { reasons: ['name_mismatch'], numberIds: [], version: await versionOf(idIn(t.summit)) });
  const dentalEmails = await listEmailsSent(t.db, t.dental, idIn(t.summitDental));
  expect(dentalEmails.map((e) => e.subject)).toEqual([`Port request received for Summit Marketing Group LLC: ${displayed(dentalNumber)}`]);
  const agencyEmails = await listEmailsSent(t.db, t.owner, idIn(t.summit));
  // (The draft's earlier emails, from when it held every number, stay with the draft's own request.)
  expect(agencyEmails.map((e) => e.subject).filter((subject) => subject.startsWith('Port request received'))).toEqual([
    `Port request received for Summit Marketing Group LLC: ${displayed(agencyNumber)}`,
  ]);
});

test('sending again answers with only the requests the caller may see', async () => {
  // US local sorts first: the draft's own request is Summit Dental's, the agency's toll-free number another.
  const draftId = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber('toll-free'), dentalLine(t.freshNumber())]);
  await signDraft(t.db, t.owner, draftId);
  const { requestIds } = await submitPortRequest(t.db, t.owner, draftId, proof());
  expect(requestIds).toHaveLength(2);
  expect((await accountOf([draftId])).get(draftId)).toBe(t.summitDental);
  const again = await submitPortRequest(t.db, t.dental, draftId, proof());
  expect(again).toEqual({ requestIds: [draftId], alreadySubmitted: true });
});

test('an agency member cannot send a draft whose numbers go into a client account they cannot use; nothing is sent', async () => {
  const draftId = await draftReadyToSign(t.db, t.owner, t.summit, [dentalLine(t.freshNumber())]);
  await signDraft(t.db, t.owner, draftId);
  await expect(submitPortRequest(t.db, t.analyst, draftId, proof())).rejects.toThrow(/will live in Summit Dental, which you cannot use/);
  const [row] = await t.db.select({ status: portRequests.status, accountId: portRequests.accountId }).from(portRequests).where(eq(portRequests.id, draftId));
  expect(row).toEqual({ status: 'draft', accountId: t.summit });
});

test('once sent, a correction cannot put a number into another account', async () => {
  const [id] = await sentByAgency([dentalLine(t.freshNumber())]);
  const [{ version }] = await t.db.select({ version: portRequests.version }).from(portRequests).where(eq(portRequests.id, id));
  await startReview(t.db, t.staff, id, version);
  const [{ version: reviewing }] = await t.db.select({ version: portRequests.version }).from(portRequests).where(eq(portRequests.id, id));
  await requestChanges(t.db, t.staff, id, { reasons: ['number_not_active'], numberIds: [], version: reviewing });
  const [verdict] = await addNumbersToDraft(t.db, t.owner, id, [{ line: 1, numberToPort: t.freshNumber(), accountName: 'Summit Plumbing' }], {
    receivingNumber: '+14105550199',
    trackingSourceName: 'Google Ads',
  });
  expect(verdict.verdict).toBe('refused');
  expect(verdict.message).toMatch(/"Summit Plumbing" is not an account you can port numbers into.*Summit Dental/);
});
