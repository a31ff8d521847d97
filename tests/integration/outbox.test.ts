import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import type { DatabaseHandle } from '@/db/client';
import { mailboxMessages, outboxEmails } from '@/db/schema';
import { deliverDueEmails, MAX_DELIVERY_ATTEMPTS, retryFailedEmail } from '@/lib/mail/deliver-outbox';
import { sendEmail } from '@/lib/mail/send-email';
import { mailboxTransport, resendTransport } from '@/lib/mail/transport';
import { createTestDatabase } from '../helpers/database';
import { startResendStandIn } from '../helpers/resend-stand-in';

let handle: DatabaseHandle;
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  standIn = await startResendStandIn();
  process.env.RESEND_BASE_URL = standIn.baseUrl;
});
afterAll(async () => {
  await standIn.close();
  await handle.close();
});
beforeEach(async () => {
  await handle.db.delete(outboxEmails);
  standIn.accepted.length = 0;
});

const body = createElement('p', null, 'Your port date is set.');
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function queue(subject: string) {
  return handle.db.transaction((tx) => sendEmail(tx, { to: ['Owner@Summit.example'], subject, template: 'test', body }));
}

test('an email queued in a transaction that rolls back is never sent', async () => {
  await expect(
    handle.db.transaction(async (tx) => {
      await sendEmail(tx, { to: ['owner@summit.example'], subject: 'rolled back', template: 'test', body });
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  const report = await deliverDueEmails({ db: handle.db, transport: resendTransport('re_test') });
  expect(report.sent).toBe(0);
  expect(standIn.accepted).toHaveLength(0);
});

test('delivery retries after the mail service fails, then delivers exactly once', async () => {
  const id = await queue('Port scheduled');
  const transport = resendTransport('re_test');
  standIn.failNextCalls(2);

  expect(await deliverDueEmails({ db: handle.db, transport })).toEqual({ sent: 0, retrying: 1, failed: 0 });
  // Not due again until its backoff has passed.
  expect(await deliverDueEmails({ db: handle.db, transport })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  expect(await deliverDueEmails({ db: handle.db, transport, now: later(1) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
  expect(await deliverDueEmails({ db: handle.db, transport, now: later(5) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
  expect(await deliverDueEmails({ db: handle.db, transport, now: later(60) })).toEqual({ sent: 0, retrying: 0, failed: 0 });

  expect(standIn.accepted).toHaveLength(1);
  expect(standIn.accepted[0].body.subject).toBe('Port scheduled');
  expect(standIn.accepted[0].body.to).toEqual(['owner@summit.example']);
  expect(standIn.accepted[0].body.text).toContain('Your port date is set.');
  const [row] = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  expect(row).toMatchObject({ status: 'sent', attempts: 3, providerMessageId: 're_1' });
});

test('a reply lost after the service accepted is retried under the same key, so the email is not sent twice', async () => {
  await queue('Numbers ported');
  standIn.hangAfterAcceptingNext(1);
  const impatient = resendTransport('re_test', { timeoutMs: 300 });

  expect((await deliverDueEmails({ db: handle.db, transport: impatient })).retrying).toBe(1);
  expect((await deliverDueEmails({ db: handle.db, transport: impatient, now: later(1) })).sent).toBe(1);
  expect(standIn.accepted).toHaveLength(1);
});

test('two workers draining the same outbox deliver each message once', async () => {
  for (let i = 0; i < 30; i++) await queue(`Update ${i}`);
  const transport = resendTransport('re_test');
  const worker = async () => {
    let sent = 0;
    for (;;) {
      const r = await deliverDueEmails({ db: handle.db, transport, batchSize: 4 });
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
    await deliverDueEmails({ db: handle.db, transport, now: later(i * 120) });
  }
  const [failed] = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  expect(failed.status).toBe('failed');
  expect(failed.lastError).toContain('stand-in failure');

  await retryFailedEmail(handle.db, id);
  expect((await deliverDueEmails({ db: handle.db, transport, now: later(24 * 60) })).sent).toBe(1);
  expect(standIn.accepted).toHaveLength(1);
});

test('the local mailbox keeps one copy of a message even if delivery repeats', async () => {
  const id = await queue('Sign in');
  const transport = mailboxTransport(handle.db);
  const [message] = await handle.db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  await transport.deliver(message);
  await transport.deliver(message);
  const copies = await handle.db.select().from(mailboxMessages).where(eq(mailboxMessages.outboxId, id));
  expect(copies).toHaveLength(1);
  expect(copies[0].html).toContain('Your port date is set.');
});
