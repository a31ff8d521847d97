import { eq, inArray, sql } from 'drizzle-orm';
import { accounts, memberships, outboxEmails, portRequests, staffMembers, trackingSources, users } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { startReview } from '@/lib/porting/review/decide';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const USERS = 50;
const t = setupTestContext();

/** A customer of their own: an account with the usual sources and one admin. */
async function makeCustomer(i: number): Promise<{ actor: Actor; accountId: string }> {
  const [account] = await t.db.insert(accounts).values({ name: `Load Customer ${i}` }).returning({ id: accounts.id });
  await t.db.insert(trackingSources).values(['Google Ads', 'Website'].map((name) => ({ accountId: account.id, name })));
  const [user] = await t.db.insert(users).values({ email: `load${i}@customers.example`, name: `Load User ${i}` }).returning({ id: users.id });
  await t.db.insert(memberships).values({ userId: user.id, accountId: account.id, role: 'admin' });
  return { actor: (await loadActor(t.db, user.id))!, accountId: account.id };
}

test(`${USERS} customers finishing the wizard at once, each double-submitting, get exactly one request each`, async () => {
  const customers = await Promise.all(Array.from({ length: USERS }, (_, i) => makeCustomer(i)));
  const drafts = [];
  for (const [i, c] of customers.entries()) {
    const id = await draftReadyToSign(t.db, c.actor, c.accountId, [t.freshNumber()]);
    await signDraft(t.db, c.actor, id, `Load User ${i}`);
    drafts.push({ ...c, id });
  }
  const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];
  const outcomes = await Promise.all(drafts.flatMap((d) => [submitPortRequest(t.db, d.actor, d.id, proof()), submitPortRequest(t.db, d.actor, d.id, proof())]));
  expect(outcomes.filter((o) => !o.alreadySubmitted)).toHaveLength(USERS);

  const ids = drafts.map((d) => d.id);
  const requests = await t.db.select({ status: portRequests.status }).from(portRequests).where(inArray(portRequests.accountId, drafts.map((d) => d.accountId)));
  expect(requests).toHaveLength(USERS);
  expect(requests.every((r) => r.status === 'submitted')).toBe(true);
  const [{ emails }] = await t.db
    .select({ emails: sql<number>`count(*)::int` })
    .from(outboxEmails)
    .where(inArray(outboxEmails.subjectRef, ids.map((id) => `port-request:${id}`)));
  expect(emails).toBe(USERS);
  console.log(`concurrency: ${USERS} users x 2 submits = ${outcomes.length} submissions -> ${USERS} requests, ${emails} emails`);
}, 120_000);

test('two staff members deciding the same request at once: one decision lands, the other is told the request changed', async () => {
  // The owner's request, submitted.
  const submitted = await draftReadyToSign(t.db, t.owner, t.summit);
  await signDraft(t.db, t.owner, submitted);
  await submitPortRequest(t.db, t.owner, submitted, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  const [second] = await t.db.insert(users).values({ email: 'second.reviewer@porting.example', name: 'Second Reviewer' }).returning({ id: users.id });
  await t.db.insert(staffMembers).values({ userId: second.id, role: 'regulatory' });
  const [first] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'regulatory@porting.example'));
  const staffA = (await loadActor(t.db, first.id))!;
  const staffB = (await loadActor(t.db, second.id))!;
  const [request] = await t.db.select().from(portRequests).where(eq(portRequests.status, 'submitted')).limit(1);
  const results = await Promise.allSettled([startReview(t.db, staffA, request.id, request.version), startReview(t.db, staffB, request.id, request.version)]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(String(refused.reason.message)).toMatch(/changed while you were looking|cannot become/);
  const [after] = await t.db.select().from(portRequests).where(eq(portRequests.id, request.id));
  expect(after).toMatchObject({ status: 'in_review', version: request.version + 1 });
});
