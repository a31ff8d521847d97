import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { users } from '@/db/schema';
import { startApp } from '@/lib/app-start';
import { stopPoller } from '@/lib/background/poller';
import { createStorage, setStorage } from '@/lib/storage/s3';
import { createTestDatabase } from '../helpers/database';
import { startResendStandIn } from '../helpers/resend-stand-in';

// Security review, issue 12 (12c): a production server that starts on an empty database does not
// fill it with the demo's well-known users.
let handle: DatabaseHandle;
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  standIn = await startResendStandIn();
  // Parsed by the app's first getEnv(): a full production configuration. The database and the
  // store are this file's own (set above and below), the mail service the loopback stand-in.
  Object.assign(process.env, {
    APP_URL: 'https://ports.example.com',
    DATABASE_URL: 'postgres://app@db.invalid/ports',
    S3_BUCKET: 'ports',
    RESEND_API_KEY: 're_test',
    RESEND_BASE_URL: standIn.baseUrl,
    EMAIL_FROM: 'Porting <porting@example.com>',
    AUTH_SECRET: 'x'.repeat(40),
    PIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  });
  setStorage(createStorage({ bucket: 'ports', endpoint: 'http://127.0.0.1:9' }));
});
afterAll(async () => {
  await stopPoller('outbox');
  await stopPoller('jobs');
  await standIn.close();
  await handle.close();
});

test('production on an empty database starts without the demo users, and says so', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await startApp();
    const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(n).toBe(0);
    expect(log.mock.calls.flat().join('\n')).toContain('empty database: the demo is not loaded');
  } finally {
    log.mockRestore();
  }
});
