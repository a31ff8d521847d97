import os from 'node:os';
import { ConfigError, parseEnv } from '@/lib/config/env';

const tmp = os.tmpdir();

function problems(source: Record<string, string>): string {
  try {
    parseEnv(source, tmp);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('with nothing configured the app runs on embedded defaults with generated local secrets', () => {
  const env = parseEnv({ DATA_DIR: `${tmp}/port-env-test` }, tmp);
  expect(env.database.kind).toBe('pglite');
  expect(env.storage.kind).toBe('embedded');
  expect(env.mail.kind).toBe('mailbox');
  expect(env.appUrl).toBe('http://localhost:3000');
  expect(env.pinEncryptionKey).toHaveLength(32);
  expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
  // Generated once: a restart reads the same secrets back.
  expect(parseEnv({ DATA_DIR: `${tmp}/port-env-test` }, tmp).authSecret).toBe(env.authSecret);
});

test('a public deployment without its production settings is refused, naming each variable', () => {
  const message = problems({ APP_URL: 'https://ports.example.com' });
  for (const name of ['RESEND_API_KEY', 'DATABASE_URL', 'S3_BUCKET', 'AUTH_SECRET', 'PIN_ENCRYPTION_KEY', 'CARRIER']) {
    expect(message).toContain(name);
  }
  expect(message).toContain('mailbox would publish sign-in links');
});

test('bad values are named with what is expected', () => {
  expect(problems({ DATABASE_URL: 'mysql://x' })).toContain('DATABASE_URL must be a postgres:// URL');
  expect(problems({ PIN_ENCRYPTION_KEY: 'short' })).toContain('PIN_ENCRYPTION_KEY must be 32 bytes');
  expect(problems({ RESEND_API_KEY: 're_x' })).toContain('EMAIL_FROM');
});

test('a public demo may use the embedded parts when it says so explicitly', () => {
  const env = parseEnv({ APP_URL: 'https://demo.example.com', PUBLIC_DEMO: 'true', DATA_DIR: `${tmp}/port-env-demo` }, tmp);
  expect(env.mail.kind).toBe('mailbox');
  expect(env.isLocal).toBe(false);
});

test('a full production configuration parses', () => {
  const env = parseEnv(
    {
      APP_URL: 'https://ports.example.com',
      DATABASE_URL: 'postgres://app@db/ports',
      S3_BUCKET: 'ports',
      S3_ENDPOINT: 'https://s3.example.com',
      RESEND_API_KEY: 're_live',
      EMAIL_FROM: 'Porting <porting@example.com>',
      AUTH_SECRET: 'x'.repeat(40),
      PIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      CARRIER: 'manual',
    },
    tmp,
  );
  expect(env.database).toEqual({ kind: 'postgres', url: 'postgres://app@db/ports' });
  expect(env.storage).toMatchObject({ kind: 's3', bucket: 'ports', endpoint: 'https://s3.example.com' });
  expect(env.mail).toEqual({ kind: 'resend', apiKey: 're_live', from: 'Porting <porting@example.com>' });
});

// The carrier: the sandbox fakes ports, so it is the default only where nobody is fooled by it.
const PRODUCTION = {
  APP_URL: 'https://ports.example.com',
  DATABASE_URL: 'postgres://app@db/ports',
  S3_BUCKET: 'ports',
  RESEND_API_KEY: 're_live',
  EMAIL_FROM: 'Porting <porting@example.com>',
  AUTH_SECRET: 'x'.repeat(40),
  PIN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const TELNYX_PUBLIC_KEY = Buffer.alloc(32, 9).toString('base64');

test('locally, and on a declared public demo, the carrier is the sandbox unless set', () => {
  expect(parseEnv({ DATA_DIR: `${tmp}/port-env-test` }, tmp).carrier).toEqual({ kind: 'sandbox' });
  expect(parseEnv({ APP_URL: 'https://demo.example.com', PUBLIC_DEMO: 'true', DATA_DIR: `${tmp}/port-env-demo` }, tmp).carrier).toEqual({ kind: 'sandbox' });
  expect(parseEnv({ DATA_DIR: `${tmp}/port-env-test`, CARRIER: 'manual' }, tmp).carrier).toEqual({ kind: 'manual' });
});

test('outside localhost the carrier must be chosen: a sandbox there would fake ports', () => {
  expect(problems(PRODUCTION)).toContain('CARRIER: required outside localhost');
  expect(parseEnv({ ...PRODUCTION, CARRIER: 'manual' }, tmp).carrier).toEqual({ kind: 'manual' });
  // Said explicitly, the sandbox is allowed (a staging site that wants it).
  expect(parseEnv({ ...PRODUCTION, CARRIER: 'sandbox' }, tmp).carrier).toEqual({ kind: 'sandbox' });
});

test('CARRIER=telnyx needs its API key and the public key its webhooks verify with', () => {
  const message = problems({ ...PRODUCTION, CARRIER: 'telnyx' });
  expect(message).toContain('TELNYX_API_KEY: required with CARRIER=telnyx');
  expect(message).toContain('TELNYX_PUBLIC_KEY: required with CARRIER=telnyx');
  expect(problems({ ...PRODUCTION, CARRIER: 'telnyx', TELNYX_API_KEY: 'KEY123', TELNYX_PUBLIC_KEY: 'not-a-key' })).toContain(
    'TELNYX_PUBLIC_KEY must be the 32-byte Ed25519 key, base64',
  );
  expect(problems({ ...PRODUCTION, CARRIER: 'telnyx', TELNYX_API_KEY: 'KEY123', TELNYX_PUBLIC_KEY: Buffer.alloc(16).toString('base64') })).toContain(
    'TELNYX_PUBLIC_KEY must be the 32-byte',
  );
  expect(problems({ ...PRODUCTION, CARRIER: 'pigeon' })).toContain('CARRIER must be telnyx, sandbox or manual');
  expect(problems({ ...PRODUCTION, CARRIER: 'telnyx', TELNYX_API_KEY: 'KEY123', TELNYX_PUBLIC_KEY, TELNYX_BASE_URL: 'nope' })).toContain('TELNYX_BASE_URL must be a URL');
});

test('a Telnyx configuration parses, with the base URL only when set', () => {
  expect(parseEnv({ ...PRODUCTION, CARRIER: 'telnyx', TELNYX_API_KEY: 'KEY123', TELNYX_PUBLIC_KEY }, tmp).carrier).toEqual({
    kind: 'telnyx',
    apiKey: 'KEY123',
    publicKey: TELNYX_PUBLIC_KEY,
  });
  expect(
    parseEnv({ ...PRODUCTION, CARRIER: 'telnyx', TELNYX_API_KEY: 'KEY123', TELNYX_PUBLIC_KEY, TELNYX_BASE_URL: 'https://api.telnyx.com/v2' }, tmp).carrier,
  ).toMatchObject({ kind: 'telnyx', baseUrl: 'https://api.telnyx.com/v2' });
});

test('LOG_LEVEL and METRICS_TOKEN: info and no token by default; a bad value is named', () => {
  const base = { DATA_DIR: `${tmp}/port-env-test` };
  expect(parseEnv(base, tmp)).toMatchObject({ logLevel: 'info' });
  expect(parseEnv(base, tmp).metricsToken).toBeUndefined();
  expect(parseEnv({ ...base, LOG_LEVEL: 'debug', METRICS_TOKEN: 'm'.repeat(24) }, tmp)).toMatchObject({ logLevel: 'debug', metricsToken: 'm'.repeat(24) });
  expect(problems({ ...base, LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  expect(problems({ ...base, METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN');
});
