import { getEnv } from '@/lib/config/env';
import { refreshDatabaseGauges } from '@/lib/ops/database-gauges';
import { metricsAccess } from '@/lib/ops/metrics-access';
import { getMetrics } from '@/lib/ops/metrics';

// Prometheus's scrape: the process's one registry (shared with the front door, lib/ops/metrics.ts),
// with the database gauges brought up to date. A bearer token outside local mode (metrics-access.ts).
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const access = metricsAccess(getEnv(), request.headers);
  if (access === 'disabled') return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (access === 'unauthorized') {
    return new Response('Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".\n', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"' },
    });
  }
  const { registry } = getMetrics();
  // A database that does not answer leaves the gauges as they were: the rest still tells what is wrong.
  await refreshDatabaseGauges().catch(() => {});
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}
