// The app's HTTP server: Next's request handler behind a front door that (1) listens on loopback
// only when APP_URL is this machine, (2) makes Host and X-Forwarded-* say APP_URL and works out the
// client's address from the socket (lib/server/incoming-request.ts), and (3) turns away a chunked
// post larger than any form takes with 413 before Next buffers it. `npm start`, `npm run dev` and
// the e2e tests all serve through it. It also (4) gives each request an id and writes its log line
// and duration sample (lib/ops/track-request.ts), and (5) sends a 404 or an error as a page that
// reads without JavaScript (lib/server/readable-error-pages.ts).
import { createServer, IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, connect } from 'node:net';
import next from 'next';
import { listenSettings } from '../lib/config/listen-settings';
import path from 'node:path';
import { describeError } from '../lib/log';
import { routeConsoleToLogger } from '../lib/ops/console-to-log';
import { isDraining, startDraining } from '../lib/ops/draining';
import { getLogger } from '../lib/ops/logger';
import { getMetrics } from '../lib/ops/metrics';
import { runInRequest } from '../lib/ops/request-context';
import { appRoutePatterns, routeMatcher } from '../lib/ops/route-label';
import { trackRequest } from '../lib/ops/track-request';
import { normalizeIncomingHeaders } from '../lib/server/incoming-request';
import { loadErrorPages, sendErrorPagesReadably } from '../lib/server/readable-error-pages';
import { UPLOAD_BODY_LIMIT_BYTES } from '../lib/porting/proof/proof-limits';

const dev = process.argv.includes('--dev');
const settings = listenSettings(process.env);
// The app only believes the internal client-address headers when this server wrote them.
(globalThis as { __portNumbersFrontDoor?: boolean }).__portNumbersFrontDoor = true;
// Auth.js builds its own URLs from AUTH_URL when set: make that APP_URL, never a request header.
process.env.AUTH_URL = settings.appUrl;

const logger = getLogger();
routeConsoleToLogger();
// Created here, before Next loads: the app's own metrics (lib/ops/metrics.ts) join this registry.
getMetrics();
const routeOf = routeMatcher(appRoutePatterns(path.join(process.cwd(), 'app')));

const app = next({ dev, hostname: settings.isLocal ? 'localhost' : undefined, port: settings.port });
const handle = app.getRequestHandler();
// Read once the build is known to be there (after prepare); a dev server has none and needs none.
let errorPages: ReturnType<typeof loadErrorPages> = null;

/** How long the rest of a refused upload is read and dropped before the connection is cut. */
const LINGER_MS = 5_000;

/** The answer goes out at once (the caller then reads and drops the rest of the upload for a moment). */
function tooLarge(res: ServerResponse) {
  res.writeHead(413, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`This request is larger than the ${Math.round(UPLOAD_BODY_LIMIT_BYTES / 1024 / 1024)} MB a form can send. Send fewer or smaller files.\n`);
}

/**
 * A body without Content-Length (chunked) is read here up to the limit: over it, 413 at once; under
 * it, Next gets the same request with the body and its length, as a browser would have sent it.
 */
async function withKnownLength(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  // Only a POST carries a form; Next reads no other body, so nothing else is held in memory here.
  if (req.method !== 'POST' || req.headers['content-length'] !== undefined || !req.headers['transfer-encoding']) return req;
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      // A lingering close: closing with the upload unread would reset the connection, and the client
      // could lose the 413 before reading it. What still comes is dropped; a client that keeps
      // sending is cut off after LINGER_MS.
      if (refused) continue;
      size += chunk.length;
      if (size > UPLOAD_BODY_LIMIT_BYTES) {
        refused = true;
        tooLarge(res);
        setTimeout(() => req.destroy(), LINGER_MS).unref();
        continue;
      }
      chunks.push(chunk);
    }
  } catch (error) {
    // The cut-off of a refused upload ends the loop with an error; it was answered already.
    if (refused) return null;
    throw error;
  }
  if (refused) return null;
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.httpVersion = req.httpVersion;
  const headers = { ...req.headers, 'content-length': String(size) };
  delete headers['transfer-encoding'];
  replay.headers = headers;
  replay.rawHeaders = Object.entries(headers).flatMap(([name, value]) => [value].flat().flatMap((v) => (v === undefined ? [] : [name, String(v)])));
  replay.push(Buffer.concat(chunks));
  replay.push(null);
  // Marks the body as fully received: otherwise Node treats the end as an abort and closes the socket.
  replay.complete = true;
  return replay;
}

const server = createServer(async (req, res) => {
  let requestId: string | undefined;
  try {
    normalizeIncomingHeaders(req.headers, req.socket.remoteAddress, settings);
    requestId = trackRequest(req, res, routeOf);
    sendErrorPagesReadably(req, res, errorPages);
    const request = await withKnownLength(req, res);
    if (request) await runInRequest(requestId, () => handle(request, res));
  } catch (error) {
    logger.error({ context: 'server', requestId, error: describeError(error) }, 'request failed');
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Something went wrong on our side. Please try again.\n');
  }
});

await app.prepare();
if (!dev) errorPages = loadErrorPages();
server.listen(settings.port, settings.hostname, () => {
  logger.info({ context: 'server', hostname: settings.hostname, port: settings.port, appUrl: settings.appUrl, development: dev }, `listening on ${settings.hostname}:${settings.port} for ${settings.appUrl}`);
});

// Browsers may try ::1 first for "localhost": relay IPv6 loopback to the same server (still loopback
// only), where the machine has IPv6.
if (settings.isLocal) {
  const relay = createTcpServer((socket) => {
    const upstream = connect(settings.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on('error', close);
    upstream.on('error', close);
  });
  relay.on('error', () => relay.close());
  relay.listen(settings.port, '::1');
}

// Stopping (a rolling deploy's SIGTERM): no new connections, /readyz says 503, the requests in
// flight finish (up to DRAIN_LIMIT_MS), then the process ends. A second signal ends it at once.
const DRAIN_LIMIT_MS = 10_000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isDraining()) process.exit(0);
    startDraining();
    logger.info({ context: 'server', signal }, 'stopping: finishing the requests in flight');
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), DRAIN_LIMIT_MS).unref();
  });
}
