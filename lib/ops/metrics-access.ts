import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Env } from '@/lib/config/env';
import { isLoopbackAddress } from '@/lib/server/incoming-request';
import { requestClientFrom } from '@/lib/security/request-client';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'disabled';

/** Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first wrong byte. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a bearer token; without it,
 * in local mode a caller on this machine, and outside local mode nobody (the route is off, 404).
 */
export function metricsAccess(env: Pick<Env, 'isLocal' | 'metricsToken'>, headers: Headers): MetricsAccess {
  if (env.metricsToken) {
    const match = /^Bearer (.+)$/i.exec(headers.get('authorization') ?? '');
    return match && sameToken(match[1], env.metricsToken) ? 'allowed' : 'unauthorized';
  }
  if (!env.isLocal) return 'disabled';
  const client = requestClientFrom(headers);
  return isLoopbackAddress(client.peer) && isLoopbackAddress(client.address) ? 'allowed' : 'disabled';
}
