// What the front door (scripts/server.ts) does around every request: gives it an id of ours (sent
// back as X-Request-Id and handed to the app in an internal header), and when the answer is done,
// writes one log line and one duration sample. No server-only import: the server script loads it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getLogger } from './logger';
import { getMetrics } from './metrics';
import { REQUEST_ID_HEADER, takeRequestActor } from './request-actor';
import { pathOf, type RouteMatcher } from './route-label';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// A caller's own id is logged beside ours only when it is plainly an id (a UUID), so a client
// cannot write what it likes into our log lines.
const CLIENT_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The load balancer's probes: logged only when they fail (or at debug), or they drown the log.
const PROBES = new Set(['/healthz', '/readyz']);

/** Call after normalizeIncomingHeaders (which drops any x-port-* header a client sent). */
export function trackRequest(req: IncomingMessage, res: ServerResponse, routeOf: RouteMatcher): string {
  const started = process.hrtime.bigint();
  const requestId = randomUUID();
  const clientHeader = req.headers['x-request-id'];
  const clientRequestId = typeof clientHeader === 'string' && CLIENT_REQUEST_ID.test(clientHeader) ? clientHeader : undefined;
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
    const route = routeOf(pathOf(req.url));
    const status = res.statusCode;
    const actor = takeRequestActor(requestId);
    getMetrics().httpRequestDuration.observe({ route, method, status: String(status) }, seconds);
    const line = {
      requestId,
      ...(clientRequestId ? { clientRequestId } : {}),
      method,
      route,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(actor ? { actorId: actor.actorId, ...(actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}) } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    const logger = getLogger();
    // A probe's 503 is the instance saying it is not ready (its parts are logged where they fail), not a crash.
    if (PROBES.has(route)) logger[status < 400 ? 'debug' : 'warn'](line, 'request');
    else if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
  res.on('finish', finish);
  res.on('close', finish);
  return requestId;
}
