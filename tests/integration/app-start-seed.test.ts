import { sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { startApp } from '@/lib/app-start';
import { prepareDatabase } from '@/lib/prepare-database';
import { parsePortNumber } from '@/lib/porting/wizard/numbers/parse-port-number';
import { stopPoller } from '@/lib/background/poller';
import { getLogger } from '@/lib/ops/logger';
import { createStorage, setStorage } from '@/lib/storage/s3';
import { startResendStandIn } from '../helpers/resend-stand-in';
import { setupTestContext } from '../helpers/test-context';

// Security review, issue 12 (12c): a production server that starts on an empty database does not
// fill it with the demo's well-known users.
const t = setupTestContext({ seed: false, storage: false });
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  standIn = await startResendStandIn();
  // Parsed by the app's first getEnv(): a full production configuration. The database and the
  // store are this test's own (setupTestContext, and below), the mail service the loopback stand-in.
  Object.assign(process.env, {
    APP_URL: 'https://ports.example.com',
    DATABASE_URL: 'postgres://app@db.invalid/ports',
    S3_BUCKET: 'ports',
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: standIn.baseUrl,
    EMAIL_FROM: 'Porting <porting@example.com>',
    AUTH_SECRET: 'x'.repeat(40),
    PIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    CARRIER: 'manual',
  });
  setStorage(createStorage({ bucket: 'ports', endpoint: 'http://127.0.0.1:9' }));
});
// The workers startApp() starts stop before the test's database closes.
beforeEach(() => {
  t.defer(async () => {
    await stopPoller('outbox');
    await stopPoller('jobs');
    await stopPoller('webhooks');
  });
});
afterAll(async () => {
  await standIn.close();
});

test('production on an empty database starts without the demo users, and says so', async () => {
  const log = jest.spyOn(getLogger(), 'info');
  try {
    // What the app's database gets before its first query, then the rest of the start.
    await prepareDatabase(t.handle);
    await startApp();
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(n).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toContain('empty database: the demo is not loaded');
  } finally {
    log.mockRestore();
  }
});

test("production refuses the demo's fictional numbers (555-0100 to 555-0199) that local mode accepts", () => {
  const refused = parsePortNumber('(410) 555-0150');
  expect(refused).toMatchObject({ ok: false, code: 'not_assignable' });
  expect(parsePortNumber('(410) 555-0250')).toMatchObject({ ok: true });
});
