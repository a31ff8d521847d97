import { createServer, type Server } from 'node:http';

/** A loopback stand-in for the Resend API: answers after `latencyMs`, fails every `failEvery`-th call with 500. */
export async function startMailStandIn(options: { latencyMs: number; failEvery: number }) {
  let calls = 0;
  const okByKey = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls += 1;
      const call = calls;
      setTimeout(() => {
        if (call % options.failEvery === 0) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'internal_server_error', message: 'stand-in failure' }));
          return;
        }
        const key = String(req.headers['idempotency-key'] ?? `none-${call}`);
        okByKey.set(key, (okByKey.get(key) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: key }));
      }, options.latencyMs);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    okByKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
