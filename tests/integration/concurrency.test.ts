import { eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { accounts, memberships, outboxEmails, portRequests, staffMembers, trackingSources, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { startReview } from '@/lib/porting/review/decide';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import type { Storage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';

const USERS = 50;
let handle: DatabaseHandle;
let storage: Storage;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
}, 60_000);
afterAll(async () => {
  await storage.close();
  await handle.close();
});

/** A customer of their own: an account with the usual sources and one admin. */
async function makeCustomer(i: number): Promise<{ actor: Actor; accountId: string }> {
  const [account] = await handle.db.insert(accounts).values({ name: `Load Customer ${i}` }).returning({ id: accounts.id });
  await handle.db.insert(trackingSources).values(['Google Ads', 'Website'].map((name) => ({ accountId: account.id, name })));
  const [user] = await handle.db.insert(users).values({ email: `load${i}@customers.example`, name: `Load User ${i}` }).returning({ id: users.id });
  await handle.db.insert(memberships).values({ userId: user.id, accountId: account.id, role: 'admin' });
  return { actor: (await loadActor(handle.db, user.id))!, accountId: account.id };
}

test(`${USERS} customers finishing the wizard at once, each double-submitting, get exactly one request each`, async () => {
  const customers = await Promise.all(Array.from({ length: USERS }, (_, i) => makeCustomer(i)));
  const drafts = [];
  for (const [i, c] of customers.entries()) {
    const id = await draftReadyToSign(handle.db, c.actor, c.accountId, [`+1410556${String(1000 + i).padStart(4, '0')}`]);
    await signDraft(handle.db, c.actor, id, `Load User ${i}`);
    drafts.push({ ...c, id });
  }
  const proof = () => [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }];
  const outcomes = await Promise.all(drafts.flatMap((d) => [submitPortRequest(handle.db, d.actor, d.id, proof()), submitPortRequest(handle.db, d.actor, d.id, proof())]));
  expect(outcomes.filter((o) => !o.alreadySubmitted)).toHaveLength(USERS);

  const ids = drafts.map((d) => d.id);
  const requests = await handle.db.select({ status: portRequests.status }).from(portRequests).where(inArray(portRequests.accountId, drafts.map((d) => d.accountId)));
  expect(requests).toHaveLength(USERS);
  expect(requests.every((r) => r.status === 'submitted')).toBe(true);
  const [{ emails }] = await handle.db
    .select({ emails: sql<number>`count(*)::int` })
    .from(outboxEmails)
    .where(inArray(outboxEmails.subjectRef, ids.map((id) => `port-request:${id}`)));
  expect(emails).toBe(USERS);
  console.log(`concurrency: ${USERS} users x 2 submits = ${outcomes.length} submissions -> ${USERS} requests, ${emails} emails`);
}, 120_000);

test('two staff members deciding the same request at once: one decision lands, the other is told the request changed', async () => {
  const [second] = await handle.db.insert(users).values({ email: 'second.reviewer@porting.example', name: 'Second Reviewer' }).returning({ id: users.id });
  await handle.db.insert(staffMembers).values({ userId: second.id, role: 'regulatory' });
  const [first] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'regulatory@porting.example'));
  const staffA = (await loadActor(handle.db, first.id))!;
  const staffB = (await loadActor(handle.db, second.id))!;
  const [request] = await handle.db.select().from(portRequests).where(eq(portRequests.status, 'submitted')).limit(1);
  const results = await Promise.allSettled([startReview(handle.db, staffA, request.id, request.version), startReview(handle.db, staffB, request.id, request.version)]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(String(refused.reason.message)).toMatch(/changed while you were looking|cannot become/);
  const [after] = await handle.db.select().from(portRequests).where(eq(portRequests.id, request.id));
  expect(after).toMatchObject({ status: 'in_review', version: request.version + 1 });
});
