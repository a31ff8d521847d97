import 'server-only';
import { startPoller, kickPoller } from '@/lib/background/poller';
import { getEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { deliverDueEmails } from './deliver-outbox';
import { redactExpiredSignInLinks } from './sign-in-links';
import { mailboxTransport, resendTransport, type MailTransport } from './transport';

export async function getTransport(): Promise<MailTransport> {
  const mail = getEnv().mail;
  return mail.kind === 'resend' ? resendTransport(mail.apiKey) : mailboxTransport(await getDb());
}

// Expired sign-in links are removed by the first pass after start, then once a minute: the
// mailbox page hides them as they expire, so this only has to clean the stored copies up.
const SWEEP_INTERVAL_MS = 60_000;
let lastSweepAt = 0;

async function drain() {
  const db = await getDb();
  const transport = await getTransport();
  // Keep going while batches come back; the next poll picks up the rest.
  for (let i = 0; i < 20; i++) {
    const report = await deliverDueEmails({ db, transport });
    if (report.sent + report.retrying + report.failed === 0) break;
  }
  if (Date.now() - lastSweepAt >= SWEEP_INTERVAL_MS) {
    await redactExpiredSignInLinks(db);
    lastSweepAt = Date.now();
  }
}

/** Polls the outbox so retries and other instances' messages go out. One per process. */
export function startOutboxWorker(intervalMs = 2000): void {
  startPoller('outbox', drain, intervalMs);
}

/** A delivery pass now, after a commit that queued mail. */
export function kickOutbox(): void {
  kickPoller('outbox');
}
