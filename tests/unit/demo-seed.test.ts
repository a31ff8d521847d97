import os from 'node:os';
import { shouldSeedDemo } from '@/db/seed';
import { parseEnv } from '@/lib/config/env';

// Security review, issue 12 (12c): the demo users never go into a production database.
const tmp = os.tmpdir();

test('a local run loads the demo into an empty database', () => {
  expect(shouldSeedDemo(parseEnv({ DATA_DIR: `${tmp}/port-seed-local` }, tmp))).toBe(true);
});

test('a declared public demo loads the demo', () => {
  const env = parseEnv({ APP_URL: 'https://demo.example.com', PUBLIC_DEMO: 'true', DATA_DIR: `${tmp}/port-seed-demo` }, tmp);
  expect(shouldSeedDemo(env)).toBe(true);
});

test('a production deployment does not load the demo, even into an empty database', () => {
  const env = parseEnv(
    {
      APP_URL: 'https://ports.example.com',
      DATABASE_URL: 'postgres://app@db/ports',
      S3_BUCKET: 'ports',
      RESEND_API_KEY: 're_live',
      EMAIL_FROM: 'Porting <porting@example.com>',
      AUTH_SECRET: 'x'.repeat(40),
      PIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      CARRIER: 'manual',
    },
    tmp,
  );
  expect(shouldSeedDemo(env)).toBe(false);
});
