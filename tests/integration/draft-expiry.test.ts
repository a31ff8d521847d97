/**
 * Issue 16: drafts nobody changes for 30 days are removed with their stored files, after an email 7
 * days before that says so and links to the draft. The clock is moved (the sweep's `now`), not waited.
 */
import { and, eq } from 'drizzle-orm';
import { loaSignatures, outboxEmails, portRequestEvents, portRequestNumbers, portRequests, scheduledJobs } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { NotFoundError } from '@/lib/errors';
import { JOB_HANDLERS } from '@/lib/jobs/job-worker';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { keepDraft } from '@/lib/porting/drafts/keep-draft';
import { listPortRequests } from '@/lib/porting/queries/list-port-requests';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { getObjectBytes } from '@/lib/storage/s3';
import { renderedEmails } from '../helpers/emails';
import { draftReadyToSign, signDraft, submittedRequest } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();
const DAY = 86_400_000;
const start = new Date('2026-12-01T12:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * DAY);

/** Everything the job worker does at `now`, run twice so the file deletes queued by the sweep run too. */
async function runJobsAt(now: Date) {
  await runDueJobs({ db: t.db, handlers: JOB_HANDLERS, now });
  await runDueJobs({ db: t.db, handlers: JOB_HANDLERS, now });
}
/** The sweep's hourly job, due now (as app start schedules it). */
async function sweepAt(now: Date) {
  await t.db.insert(scheduledJobs).values({ kind: 'draft-sweep', payload: {}, runAt: now, dedupeKey: `test-sweep:${now.toISOString()}` }).onConflictDoNothing();
  await runJobsAt(now);
}
const lastChangedAt = async (id: string, at: Date) => t.db.update(portRequests).set({ updatedAt: at }).where(eq(portRequests.id, id));
const requestRow = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];
const expiryEmails = (id: string) => renderedEmails(t.db, and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'draft-expiring')));

test('at 23 days the followers are told the draft goes in 7 days, with a link to it; at 30 days it goes with its signed letter; its account keeps a record', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber(), t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  const letters = await t.db.select().from(loaSignatures).where(eq(loaSignatures.portRequestId, id));
  await lastChangedAt(id, day(0));

  await sweepAt(day(22));
  expect(await expiryEmails(id)).toHaveLength(0);

  // Announced at 23.5 days: the draft goes 7 full days later (day 30.5, just past midnight UTC).
  await sweepAt(day(23.5));
  const [email] = await expiryEmails(id);
  expect(email.toAddresses).toEqual(['owner@summit.example']);
  expect(email.subject).toContain('Your draft will be removed on January 1, 2027');
  expect(email.text).toContain('Nobody has changed this draft since December 1, 2026');
  expect(email.html).toContain(`${getEnv().appUrl}/numbers/port/${id}`);
  // The announcement is not a change: the clock of the draft has not moved.
  expect((await requestRow(id)).updatedAt).toEqual(day(0));
  await sweepAt(day(25));
  expect(await expiryEmails(id)).toHaveLength(1);
  // The Port Numbers list says it on the draft's row too.
  const { rows } = await listPortRequests(t.db, t.owner, t.summit);
  expect(rows.find((r) => r.id === id)!.removeOn).toEqual(day(30.5));

  await sweepAt(day(29.9));
  expect(await requestRow(id)).toBeDefined();

  await sweepAt(day(30.6));
  expect(await requestRow(id)).toBeUndefined();
  expect(await t.db.select().from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, id))).toEqual([]);
  for (const key of letters.flatMap((l) => [l.pdfKey, l.snapshotKey])) await expect(getObjectBytes(key)).rejects.toThrow();
  const [removed] = await t.db.select().from(portRequestEvents).where(and(eq(portRequestEvents.accountId, t.summit), eq(portRequestEvents.type, 'draft_removed')));
  expect(removed).toMatchObject({ portRequestId: null, data: { untouchedSince: day(0).toISOString(), numbers: 2 } });
});

test('a change after the email, or "Keep this draft", starts the 30 days again; a later spell is announced again', async () => {
  const edited = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  const kept = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  for (const id of [edited, kept]) await lastChangedAt(id, day(0));
  await sweepAt(day(24));
  expect((await expiryEmails(edited)).length + (await expiryEmails(kept)).length).toBe(2);

  await saveCarrierStep(t.db, t.owner, edited, { losingCarrier: 'Comcast Business', requestedPortDate: undefined }, day(26));
  await keepDraft(t.db, t.owner, kept, day(26));
  await sweepAt(day(31));
  expect(await requestRow(edited)).toBeDefined();
  expect(await requestRow(kept)).toBeDefined();

  // 23 days after the keep, the next notice; 30 days after it, gone.
  await sweepAt(day(26 + 23.5));
  expect(await expiryEmails(kept)).toHaveLength(2);
  await sweepAt(day(26 + 30.5));
  expect(await requestRow(kept)).toBeUndefined();
});

test('a sweep that ran late still gives 7 days of notice; requests sent to the team are never swept', async () => {
  const late = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  const sent = await submittedRequest(t.db, t.owner, t.summit, [t.freshNumber()]);
  await lastChangedAt(late, day(0));
  await lastChangedAt(sent, day(0));
  await sweepAt(day(40));
  const [email] = await expiryEmails(late);
  expect(email.subject).toContain('January 17, 2027');
  await sweepAt(day(46));
  expect(await requestRow(late)).toBeDefined();
  await sweepAt(day(47.1));
  expect(await requestRow(late)).toBeUndefined();
  expect((await requestRow(sent)).status).toBe('submitted');
});

test('only a user of the draft\'s account can keep it', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await lastChangedAt(id, day(0));
  await expect(keepDraft(t.db, t.harbor, id, day(24))).rejects.toThrow(NotFoundError);
  expect((await requestRow(id)).updatedAt).toEqual(day(0));
});
