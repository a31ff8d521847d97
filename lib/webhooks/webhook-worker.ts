import 'server-only';
import { kickPoller, startPoller } from '@/lib/background/poller';
import { getDb } from '@/lib/db';
import { deliverDueWebhooks } from './deliver-webhooks';

async function drain() {
  const db = await getDb();
  // Keep going while batches come back (a request's next message is due once the one before it is
  // delivered); the next poll picks up the rest.
  for (let i = 0; i < 20; i++) {
    const report = await deliverDueWebhooks({ db });
    if (report.delivered + report.retrying + report.failed === 0) break;
  }
}

/** Polls the webhook outbox so messages, retries and other instances' messages go out. One per process. */
export function startWebhookWorker(intervalMs = 2000): void {
  startPoller('webhooks', drain, intervalMs);
}

/** A delivery pass now, after a commit that may have queued webhook messages. */
export function kickWebhooks(): void {
  kickPoller('webhooks');
}
