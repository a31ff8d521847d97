import { createServer, type IncomingMessage, type Server } from 'node:http';

export type ReceivedEmail = { idempotencyKey: string | undefined; body: { to: string[]; subject: string; html: string; text: string } };

/**
 * A loopback stand-in for the Resend API (POST /emails). It can fail the next calls with 500, or
 * accept a message and then never answer (the "lost reply" case). Like Resend, it answers a repeated
 * idempotency key with the first result instead of sending again.
 */
export async function startResendStandIn() {
  const accepted: ReceivedEmail[] = [];
  const byKey = new Map<string, string>();
  let failNext = 0;
  let hangAfterAcceptNext = 0;
  let calls = 0;

  const server: Server = createServer(async (req, res) => {
    calls += 1;
    const body = JSON.parse(await readBody(req));
    if (req.method !== 'POST' || req.url !== '/emails') {
      res.writeHead(404).end();
      return;
    }
    if (failNext > 0) {
      failNext -= 1;
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'internal_server_error', message: 'stand-in failure' }));
      return;
    }
    const key = req.headers['idempotency-key'] as string | undefined;
    let id = key ? byKey.get(key) : undefined;
    if (!id) {
      id = `re_${accepted.length + 1}`;
      accepted.push({ idempotencyKey: key, body });
      if (key) byKey.set(key, id);
    }
    if (hangAfterAcceptNext > 0) {
      hangAfterAcceptNext -= 1;
      return; // accepted, but the answer never comes
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accepted,
    get calls() {
      return calls;
    },
    failNextCalls(n: number) {
      failNext = n;
    },
    hangAfterAcceptingNext(n: number) {
      hangAfterAcceptNext = n;
    },
    /** Forgets what was received and any failures still planned (one stand-in shared by a file's tests). */
    reset() {
      accepted.length = 0;
      byKey.clear();
      failNext = 0;
      hangAfterAcceptNext = 0;
      calls = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data || '{}'));
  });
}
