import { eq } from 'drizzle-orm';
import { mailboxMessages, outboxEmails } from '@/db/schema';
import { deliverDueEmails, MAX_DELIVERY_ATTEMPTS, retryFailedEmail } from '@/lib/mail/deliver-outbox';
import { linksIn, listMailbox } from '@/lib/mail/mailbox';
import { queueEmail } from '@/lib/mail/queue-email';
import { renderEmail } from '@/lib/mail/render-email';
import { redactExpiredSignInLinks } from '@/lib/mail/sign-in-links';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/sign-in-link-lifetime';
import { mailboxTransport, resendTransport } from '@/lib/mail/transport';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { setupTestContext } from '../helpers/test-context';

// Each test has an empty outbox and mailbox of its own; the mail service stand-in is the file's.
const t = setupTestContext({ seed: false, storage: false });
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
});
afterAll(async () => {
  await standIn.close();
});
beforeEach(() => {
  standIn.reset();
});

const props = { update: { headline: 'Port update', paragraphs: ['Your port date is set.'] }, requestUrl: 'http://localhost:3000/numbers/port/1', requestLabel: 'Port request' };
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function queue(subject: string) {
  return t.db.transaction((tx) => queueEmail(tx, { to: ['Owner@Summit.example'], subject, template: 'request-approved', props }));
}

test('an email queued in a transaction that rolls back is never sent', async () => {
  await expect(
    t.db.transaction(async (tx) => {
      await queueEmail(tx, { to: ['owner@summit.example'], subject: 'rolled back', template: 'request-approved', props });
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  const report = await deliverDueEmails({ db: t.db, transport: resendTransport('re_test') });
  expect(report.sent).toBe(0);
  expect(standIn.accepted).toHaveLength(0);
});

test('delivery retries after the mail service fails, then delivers exactly once', async () => {
  const id = await queue('Port scheduled');
  const transport = resendTransport('re_test');
  standIn.failNextCalls(2);

  expect(await deliverDueEmails({ db: t.db, transport })).toEqual({ sent: 0, retrying: 1, failed: 0 });
  // Not due again until its backoff has passed.
  expect(await deliverDueEmails({ db: t.db, transport })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(await deliverDueEmails({ db: t.db, transport, now: later(1) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
  expect(await deliverDueEmails({ db: t.db, transport, now: later(5) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
  expect(await deliverDueEmails({ db: t.db, transport, now: later(60) })).toEqual({ sent: 0, retrying: 0, failed: 0 });

  expect(standIn.accepted).toHaveLength(1);
  expect(standIn.accepted[0].body.subject).toBe('Port scheduled');
  expect(standIn.accepted[0].body.to).toEqual(['owner@summit.example']);
  expect(standIn.accepted[0].body.text).toContain('Your port date is set.');
  const [row] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  expect(row).toMatchObject({ status: 'sent', attempts: 3, providerMessageId: 're_1' });
});

test('a reply lost after the service accepted is retried under the same key, so the email is not sent twice', async () => {
  await queue('Numbers ported');
  standIn.hangAfterAcceptingNext(1);
  const impatient = resendTransport('re_test', { timeoutMs: 300 });

  expect((await deliverDueEmails({ db: t.db, transport: impatient })).retrying).toBe(1);
  expect((await deliverDueEmails({ db: t.db, transport: impatient, now: later(1) })).sent).toBe(1);
  expect(standIn.accepted).toHaveLength(1);
});

test('two workers draining the same outbox deliver each message once', async () => {
  for (let i = 0; i < 30; i++) await queue(`Update ${i}`);
  const transport = resendTransport('re_test');
  const worker = async () => {
    let sent = 0;
    for (;;) {
      const r = await deliverDueEmails({ db: t.db, transport, batchSize: 4 });
      if (r.sent === 0) return sent;
      sent += r.sent;
    }
  };
  const [a, b] = await Promise.all([worker(), worker()]);
  expect(a + b).toBe(30);
  const subjects = standIn.accepted.map((m) => m.body.subject);
  expect(new Set(subjects).size).toBe(30);
  expect(subjects).toHaveLength(30);
});

test('after the last attempt a message is marked failed with its error, kept, and can be retried', async () => {
  const id = await queue('Never gets through');
  standIn.failNextCalls(MAX_DELIVERY_ATTEMPTS);
  const transport = resendTransport('re_test');
  for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
    await deliverDueEmails({ db: t.db, transport, now: later(i * 120) });
  }
  const [failed] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  expect(failed.status).toBe('failed');
  expect(failed.lastError).toContain('stand-in failure');

  await retryFailedEmail(t.db, id);
  expect((await deliverDueEmails({ db: t.db, transport, now: later(24 * 60) })).sent).toBe(1);
  expect(standIn.accepted).toHaveLength(1);
});

test('the local mailbox keeps one copy of a message even if delivery repeats', async () => {
  const id = await queue('Sign in');
  const transport = mailboxTransport(t.db);
  const [queued] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  const message = { ...queued, ...(await renderEmail(queued)) };
  await transport.deliver(message);
  await transport.deliver(message);
  const copies = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.outboxId, id));
  expect(copies).toHaveLength(1);
  expect(copies[0].html).toContain('Your port date is set.');
});

// Issue 12, finding 11: stored sign-in emails must not keep live tokens.
const TOKEN = 'tok3n5ecret';
const LINK = `http://localhost:3000/sign-in/confirm?email=owner%40summit.example&token=${TOKEN}`;

function queueWithLink(template: 'sign-in-link' | 'port-submitted') {
  return t.db.transaction((tx) =>
    template === 'sign-in-link'
      ? queueEmail(tx, { to: ['owner@summit.example'], subject: 'Sign in', template, props: { url: LINK, expiresInMinutes: SIGN_IN_LINK_MINUTES } })
      : queueEmail(tx, {
          to: ['owner@summit.example'],
          subject: 'Received',
          template,
          props: { customerName: 'Summit', requests: [{ url: LINK, label: 'US local numbers', numbers: [], numberCount: 1, window: '2-4 weeks' }], signInEmail: 'owner@summit.example' },
        }),
  );
}

async function outboxRow(id: string) {
  return (await t.db.select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0];
}

async function mailboxRow(id: string) {
  return (await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.outboxId, id)))[0];
}

test('a delivered sign-in email reaches the recipient with its link, and the outbox keeps no token', async () => {
  const id = await queueWithLink('sign-in-link');
  expect(await deliverDueEmails({ db: t.db, transport: resendTransport('re_test') })).toEqual({ sent: 1, retrying: 0, failed: 0 });

  expect(standIn.accepted[0].body.html).toContain(TOKEN);
  const row = await outboxRow(id);
  expect(row.status).toBe('sent');
  expect(row.html).not.toContain(TOKEN);
  expect(row.text).not.toContain(TOKEN);
  expect(row.html).toContain('sign-in link removed');
});

test('the local mailbox shows a sign-in link until it expires, and the sweep then removes the stored copy', async () => {
  const id = await queueWithLink('sign-in-link');
  await deliverDueEmails({ db: t.db, transport: mailboxTransport(t.db) });
  expect((await outboxRow(id)).html).not.toContain(TOKEN);

  const [shown] = await listMailbox(t.db);
  expect(linksIn(shown.html).map((l) => l.href)).toContain(LINK);
  // Before its minutes are up the sweep leaves it.
  await redactExpiredSignInLinks(t.db, later(SIGN_IN_LINK_MINUTES - 1));
  expect((await mailboxRow(id)).html).toContain(TOKEN);
  // Expired: the page stops showing it even before the sweep runs.
  const [expired] = await listMailbox(t.db, 100, later(SIGN_IN_LINK_MINUTES + 1));
  expect(linksIn(expired.html)).toEqual([]);
  expect(expired.text).not.toContain(TOKEN);

  expect(await redactExpiredSignInLinks(t.db, later(SIGN_IN_LINK_MINUTES + 1))).toEqual({ outbox: 0, mailbox: 1 });
  const stored = await mailboxRow(id);
  expect(stored.html).not.toContain(TOKEN);
  expect(stored.text).not.toContain(TOKEN);
  expect(await redactExpiredSignInLinks(t.db, later(30))).toEqual({ outbox: 0, mailbox: 0 });
});

test('other emails keep their bodies in the outbox and the mailbox', async () => {
  const id = await queueWithLink('port-submitted');
  await deliverDueEmails({ db: t.db, transport: mailboxTransport(t.db) });
  await redactExpiredSignInLinks(t.db, later(24 * 60));

  expect((await outboxRow(id)).html).toContain(TOKEN);
  expect((await outboxRow(id)).text).toContain(TOKEN);
  expect((await mailboxRow(id)).html).toContain(TOKEN);
  const [shown] = await listMailbox(t.db, 100, later(24 * 60));
  expect(linksIn(shown.html).map((l) => l.href)).toContain(LINK);
});

test('a sign-in email whose link expired before delivery is not delivered, and is failed and redacted', async () => {
  const id = await queueWithLink('sign-in-link');
  const transport = resendTransport('re_test');
  expect(await deliverDueEmails({ db: t.db, transport, now: later(SIGN_IN_LINK_MINUTES + 1) })).toEqual({ sent: 0, retrying: 0, failed: 1 });

  expect(standIn.accepted).toHaveLength(0);
  const row = await outboxRow(id);
  expect(row.status).toBe('failed');
  expect(row.lastError).toContain('expired before delivery');
  expect(row.html).not.toContain(TOKEN);
  expect(row.text).not.toContain(TOKEN);
});

test('a sign-in email still waiting on a retry when its link expires is failed by the sweep and never sent', async () => {
  const id = await queueWithLink('sign-in-link');
  const transport = resendTransport('re_test');
  standIn.failNextCalls(1);
  expect((await deliverDueEmails({ db: t.db, transport })).retrying).toBe(1);

  expect(await redactExpiredSignInLinks(t.db, later(SIGN_IN_LINK_MINUTES + 1))).toEqual({ outbox: 1, mailbox: 0 });
  const row = await outboxRow(id);
  expect(row).toMatchObject({ status: 'failed', lastError: expect.stringContaining('expired before delivery') });
  expect(row.html).not.toContain(TOKEN);

  expect(await deliverDueEmails({ db: t.db, transport, now: later(60) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(standIn.accepted).toHaveLength(0);
});
