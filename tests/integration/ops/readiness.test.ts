/**
 * @jest-environment node
 */
// /readyz as a load balancer sees it (app/readyz/route.ts): 200 with every part up; 503 naming the
// part that is down while the database connection is cut (PostgreSQL: a TCP relay between the pool
// and the server, cut and restored; PGlite: the database closed, then opened again), a migration is
// missing, the object store does not answer, or a worker stops beating. /healthz stays 200 throughout.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { GET as healthz } from '@/app/healthz/route';
import { GET as readyz } from '@/app/readyz/route';
import { isPollerAlive, startPoller, stopPoller } from '@/lib/background/poller';
import { setDatabaseHandle } from '@/lib/db';
import { startDraining } from '@/lib/ops/draining';
import { forgetReadiness } from '@/lib/ops/readiness';
import { createStorage, getStorage, setStorage } from '@/lib/storage/s3';
import { openTestDatabase, usingPostgres } from '../../helpers/database';
import { setupTestContext } from '../../helpers/test-context';

const t = setupTestContext({ seed: false });
const WORKERS = ['outbox', 'jobs', 'webhooks'];

beforeEach(() => {
  // The workers' loops, beating as the app's do (their work is tested in their own files).
  for (const name of WORKERS) startPoller(name, async () => {}, 1_000);
  t.defer(async () => {
    for (const name of WORKERS) await stopPoller(name);
  });
});

async function probe() {
  forgetReadiness(); // each probe here is a new moment, not the cached answer of the last second
  const response = await readyz();
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

const allUp = { database: 'up', migrations: 'up', storage: 'up', outbox: 'up', jobs: 'up', webhooks: 'up' };

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored on the same port. */
async function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    cut: async () => {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    restore: listen,
  };
}

test('200 with every part up; 503 naming the database while its connection is cut, and 200 again once it is back', async () => {
  let cut: () => Promise<void>;
  let restore: () => Promise<void>;
  let handle: DatabaseHandle;
  if (usingPostgres) {
    const url = new URL((t.handle.config as { url: string }).url);
    const relay = await startRelay({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${relay.port}`;
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), max: 2 });
    setDatabaseHandle(handle);
    cut = relay.cut;
    restore = relay.restore;
    t.defer(async () => {
      await relay.cut();
      await handle.close();
    });
  } else {
    handle = await openTestDatabase({ seeded: false });
    cut = () => handle.close();
    restore = async () => {
      handle = await openTestDatabase({ seeded: false });
      t.defer(() => handle.close());
    };
  }

  expect(await probe()).toEqual({ status: 200, body: { status: 'ready', checks: allUp } });

  await cut();
  expect(await probe()).toEqual({ status: 503, body: { status: 'not ready', checks: { ...allUp, database: 'down', migrations: 'down' } } });
  expect((await healthz()).status).toBe(200);

  await restore();
  expect(await probe()).toEqual({ status: 200, body: { status: 'ready', checks: allUp } });
});

test('a migration not applied, an object store that does not answer, and a worker that stopped are each named', async () => {
  await t.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
  expect((await probe()).body.checks).toEqual({ ...allUp, migrations: 'down' });

  // Nothing listens on port 9: the store's check fails fast, within its timeout.
  setStorage(createStorage({ bucket: 'ports', endpoint: 'http://127.0.0.1:9' }));
  await stopPoller('jobs');
  const started = Date.now();
  const { status, body } = await probe();
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(status).toBe(503);
  expect(body.checks).toEqual({ ...allUp, migrations: 'down', storage: 'down', jobs: 'down' });
  expect((await healthz()).status).toBe(200);
});

test('a store that only answers too slowly is down from its second slow check in a row, not on one stalled moment (a flood of probes)', async () => {
  const good = await getStorage();
  // Takes the connection and never answers: the check times out rather than being refused.
  const silent = createServer(() => {});
  const held = new Set<Socket>();
  silent.on('connection', (s) => held.add(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.defer(async () => {
    for (const s of held) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
  const endpoint = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  setStorage(createStorage({ bucket: 'ports', endpoint, accessKeyId: 'probe', secretAccessKey: 'probe-secret' }));
  expect(await probe()).toEqual({ status: 200, body: { status: 'ready', checks: allUp } });
  expect(await probe()).toEqual({ status: 503, body: { status: 'not ready', checks: { ...allUp, storage: 'down' } } });
  setStorage(good);
  expect(await probe()).toEqual({ status: 200, body: { status: 'ready', checks: allUp } });
});

test('a worker whose timer no longer beats is down after three intervals, though its loop was started', () => {
  const now = Date.now();
  expect(isPollerAlive('outbox', now)).toBe(true);
  expect(isPollerAlive('outbox', now + 3_000)).toBe(true);
  expect(isPollerAlive('outbox', now + 9_000)).toBe(false);
  expect(isPollerAlive('never-started', now)).toBe(false);
});

test('the answer is cached for a second, so probes from many balancers cost one check', async () => {
  forgetReadiness();
  const first = await (await readyz()).json();
  await stopPoller('webhooks');
  // Within the second: the same answer, though a worker just stopped.
  expect(await (await readyz()).json()).toEqual(first);
  expect((await probe()).body.checks.webhooks).toBe('down');
});

test('an instance asked to stop answers 503 "stopping" while its requests in flight finish', async () => {
  const holder = globalThis as unknown as { __portDraining?: boolean };
  startDraining();
  try {
    expect(await probe()).toEqual({ status: 503, body: { status: 'stopping', checks: allUp } });
    expect((await healthz()).status).toBe(200);
  } finally {
    delete holder.__portDraining;
  }
});
