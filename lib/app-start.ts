import 'server-only';
import { getCarrier } from '@/lib/carrier/get-carrier';
import { getEnv } from '@/lib/config/env';
import { describeError } from '@/lib/log';
import { getLogger } from '@/lib/ops/logger';
import { getDatabaseHandle } from '@/lib/db';
import { startJobWorker } from '@/lib/jobs/job-worker';
import { scheduleReconciliation } from '@/lib/porting/carrier/reconcile-carrier-orders';
import { scheduleDraftSweep } from '@/lib/porting/drafts/sweep-untouched-drafts';
import { startOutboxWorker } from '@/lib/mail/outbox-worker';
import { startWebhookWorker } from '@/lib/webhooks/webhook-worker';

/**
 * Runs once per server process as it starts: checks configuration (a bad value stops start-up
 * with the variable named, before any page is served), opens and prepares the database, and starts the outbox,
 * scheduled-job and webhook workers.
 */
export async function startApp(): Promise<void> {
  const env = getEnv();
  const logger = getLogger();
  // The database (create, migrate, seed: lib/prepare-database.ts) and the carrier start side by side,
  // so a first start waits for the slower of them rather than their sum. A configured S3 needs no
  // start; the embedded one starts on first use (an upload, /readyz): loading it took ~0.15 s of
  // the first page, which never reads a file.
  const [handle, carrier] = await Promise.all([getDatabaseHandle(), getCarrier()]);
  // A reconciliation pass at every start: the chain of passes survives a job that gave up.
  if (carrier) await scheduleReconciliation(handle.db, new Date());
  // Likewise the hourly pass over drafts nobody has changed.
  await scheduleDraftSweep(handle.db, new Date());
  startOutboxWorker();
  startJobWorker();
  startWebhookWorker();
  const metrics = env.metricsToken ? 'on (bearer token)' : env.isLocal ? 'on (this machine only)' : 'off (set METRICS_TOKEN to serve /metrics)';
  logger.info(
    { context: 'start', database: env.database.kind, storage: env.storage.kind, mail: env.mail.kind, carrier: env.carrier.kind, metrics },
    `database: ${env.database.kind}, storage: ${env.storage.kind}, mail: ${env.mail.kind}${
      env.mail.kind === 'mailbox' ? ` (open ${env.appUrl}/dev/mailbox)` : ''
    }, carrier: ${env.carrier.kind}${env.carrier.kind === 'sandbox' ? ` (open ${env.appUrl}/dev/carrier)` : ''}, metrics: ${metrics}`,
  );
}

/** A server that cannot reach its parts must not pretend to serve: say why and stop. */
export async function startAppOrExit(): Promise<void> {
  try {
    await startApp();
  } catch (error) {
    getLogger().fatal({ context: 'start', error: describeError(error) }, `cannot start: ${describeError(error)}`);
    process.exit(1);
  }
}
