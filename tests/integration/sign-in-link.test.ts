import { eq, sql } from 'drizzle-orm';
import { outboxEmails, rateLimitHits, scheduledJobs, verificationTokens } from '@/db/schema';
import { isSignInLinkUsable } from '@/lib/auth/check-sign-in-link';
import { requestSignInLink } from '@/lib/auth/request-sign-in-link';
import { sendSignInLink } from '@/lib/auth/send-sign-in-link';
import { SIGN_IN_LINK_JOB } from '@/lib/auth/request-sign-in-link';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { renderedEmails } from '../helpers/emails';
import { setupTestContext } from '../helpers/test-context';

// "Email me a sign-in link" (issue 12, findings 1, 2 and 3): the request does the same work for any
// address; the link is issued later, on APP_URL, for users of the platform only.

const t = setupTestContext({ storage: false });

const handlers = { [SIGN_IN_LINK_JOB]: async (tx: Parameters<typeof sendSignInLink>[0], payload: Record<string, unknown>, now: Date) => sendSignInLink(tx, payload as never, now) };

async function footprint() {
  const count = async (table: typeof rateLimitHits | typeof scheduledJobs | typeof verificationTokens | typeof outboxEmails) =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return { hits: await count(rateLimitHits), jobs: await count(scheduledJobs), tokens: await count(verificationTokens), emails: await count(outboxEmails) };
}

test('a known and an unknown address get the same answer and leave the same trace on the request path (finding 3)', async () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const before = await footprint();
  const known = await requestSignInLink(t.db, { email: 'owner@summit.example', clientAddress: '198.51.100.1', callbackPath: '/' }, now);
  const afterKnown = await footprint();
  const unknown = await requestSignInLink(t.db, { email: 'nobody@summit.example', clientAddress: '198.51.100.2', callbackPath: '/' }, now);
  const afterUnknown = await footprint();
  expect(known).toBe('queued');
  expect(unknown).toBe('queued');
  const delta = (a: typeof before, b: typeof before) => ({ hits: b.hits - a.hits, jobs: b.jobs - a.jobs, tokens: b.tokens - a.tokens, emails: b.emails - a.emails });
  // Neither looks the user up, makes a token or writes an email while the browser waits.
  expect(delta(before, afterKnown)).toEqual({ hits: 2, jobs: 1, tokens: 0, emails: 0 });
  expect(delta(afterKnown, afterUnknown)).toEqual(delta(before, afterKnown));

  // Off the request path, only the user of the platform gets a link.
  await runDueJobs({ db: t.db, handlers, now });
  const emails = await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'sign-in-link'));
  expect(emails.map((e) => e.toAddresses)).toEqual([['owner@summit.example']]);
});

test('the link is on APP_URL, opens the confirmation page, and is stored only as a hash (finding 1)', async () => {
  // The owner asks for a link at 10:00; the job issues it.
  const now = new Date('2026-12-01T10:00:00Z');
  await requestSignInLink(t.db, { email: 'owner@summit.example', clientAddress: '198.51.100.1', callbackPath: '/' }, now);
  await runDueJobs({ db: t.db, handlers, now });
  const [email] = await renderedEmails(t.db, eq(outboxEmails.template, 'sign-in-link'));
  const href = /href="([^"]+)"/.exec(email.html)![1].replace(/&amp;/g, '&');
  const url = new URL(href);
  expect(url.origin).toBe(process.env.APP_URL);
  expect(url.pathname).toBe('/sign-in/confirm');
  const token = url.searchParams.get('token')!;
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  const stored = await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, 'owner@summit.example'));
  expect(stored).toHaveLength(1);
  expect(stored[0].token).not.toBe(token);
  expect(await isSignInLinkUsable(t.db, { email: 'owner@summit.example', token }, new Date('2026-12-01T10:05:00Z'))).toBe(true);
  expect(await isSignInLinkUsable(t.db, { email: 'owner@summit.example', token }, new Date("2026-12-01T10:11:00Z"))).toBe(false);
  expect(await isSignInLinkUsable(t.db, { email: 'dental@summit.example', token }, new Date('2026-12-01T10:05:00Z'))).toBe(false);
});

test('the sixth link for one address in 15 minutes is refused, known or not (finding 2)', async () => {
  const now = new Date('2026-12-01T11:00:00Z');
  for (const email of ['dental@summit.example', 'ghost@summit.example']) {
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await requestSignInLink(t.db, { email, clientAddress: `198.51.100.${10 + i}`, callbackPath: '/' }, now));
    expect(outcomes).toEqual(['queued', 'queued', 'queued', 'queued', 'queued', 'rate-limited']);
  }
});

test('one client address asking for many addresses is stopped at 50 (a forged X-Forwarded-For no longer changes it)', async () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const outcomes = [];
  for (let i = 0; i < 51; i++) outcomes.push(await requestSignInLink(t.db, { email: `probe${i}@x.example`, clientAddress: '203.0.113.9', callbackPath: '/' }, now));
  expect(outcomes.filter((o) => o === 'queued')).toHaveLength(50);
  expect(outcomes.at(-1)).toBe('rate-limited');
});
