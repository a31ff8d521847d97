// The process's one Prometheus registry and its metrics, created by whichever side loads this first
// (the front door, scripts/server.ts, or the Next bundle) and shared through globalThis: Next bundles
// modules apart from the server script, and two registries would each hold half the counts. No
// server-only import: the server script loads it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from the request reaching the front door to the end of its answer, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    outboxPending: new Gauge({ name: 'outbox_emails_pending', help: 'Emails waiting to be sent (pending or being sent).', registers }),
    outboxOldestAge: new Gauge({ name: 'outbox_oldest_pending_age_seconds', help: 'Age of the oldest email still waiting to be sent (0 when none).', registers }),
    outboxFailed: new Gauge({ name: 'outbox_emails_failed', help: 'Emails that ran out of attempts and wait for a retry by hand.', registers }),
    jobsLag: new Gauge({ name: 'jobs_lag_seconds', help: 'How late the oldest due scheduled job is (0 when none is due).', registers }),
    jobsFailed: new Gauge({ name: 'jobs_failed', help: 'Scheduled jobs that ran out of attempts.', registers }),
    jobRuns: new Counter({ name: 'job_runs_total', help: 'Scheduled job runs by kind and outcome (done, retrying, failed: out of attempts).', labelNames: ['kind', 'outcome'] as const, registers }),
    webhooksPending: new Gauge({ name: 'webhook_deliveries_pending', help: 'Webhook messages waiting to be delivered.', registers }),
    emailSends: new Counter({ name: 'email_sends_total', help: 'Email delivery attempts by outcome (sent, retrying, failed).', labelNames: ['outcome'] as const, registers }),
    webhookDeliveries: new Counter({ name: 'webhook_deliveries_total', help: 'Webhook delivery attempts by outcome (delivered, retrying, failed).', labelNames: ['outcome'] as const, registers }),
    carrierCalls: new Counter({ name: 'carrier_calls_total', help: 'Calls to the porting carrier by method and outcome (ok, retryable, error).', labelNames: ['method', 'outcome'] as const, registers }),
    portRequestsByStatus: new Gauge({ name: 'port_requests', help: 'Port requests by status.', labelNames: ['status'] as const, registers }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { __portMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.__portMetrics ??= createMetrics();
  return holder.__portMetrics;
}
