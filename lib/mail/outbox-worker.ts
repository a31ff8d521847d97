import 'server-only';
import { getEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { deliverDueEmails } from './deliver-outbox';
import { mailboxTransport, resendTransport, type MailTransport } from './transport';

type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; again?: boolean; stopped?: boolean };
const state = ((globalThis as unknown as { __portOutbox?: WorkerState }).__portOutbox ??= {});

export async function getTransport(): Promise<MailTransport> {
  const mail = getEnv().mail;
  return mail.kind === 'resend' ? resendTransport(mail.apiKey) : mailboxTransport(await getDb());
}

async function drain() {
  const db = await getDb();
  const transport = await getTransport();
  // Keep going while full batches come back; the poll picks up the rest.
  for (let i = 0; i < 20; i++) {
    const report = await deliverDueEmails({ db, transport });
    if (report.sent + report.retrying + report.failed === 0) break;
  }
}

/** Runs a delivery pass now (after a commit that queued mail), or once the current pass ends. */
export function kickOutbox(): void {
  if (state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = drain()
    .catch((error) => console.error('[outbox] delivery pass failed; will retry:', error instanceof Error ? error.message : error))
    .finally(() => {
      state.running = undefined;
      if (state.again) {
        state.again = false;
        kickOutbox();
      }
    });
}

/** Polls the outbox so retries and other instances' messages go out. One per process. */
export function startOutboxWorker(intervalMs = 2000): void {
  if (state.timer) return;
  state.stopped = false;
  state.timer = setInterval(kickOutbox, intervalMs);
  state.timer.unref();
  kickOutbox();
}

export async function stopOutboxWorker(): Promise<void> {
  state.stopped = true;
  clearInterval(state.timer);
  state.timer = undefined;
  await state.running;
}
