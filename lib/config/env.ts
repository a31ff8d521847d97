import 'server-only';
import { z } from 'zod';
import { isLocalHostname, resolveAppUrl } from './listen-settings';
import { LOG_LEVELS, type LogLevel } from './log-level';
import { loadLocalSecrets } from './local-secrets';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const rawEnv = z.object({
  APP_URL: z.url({ message: 'APP_URL must be a full URL such as https://ports.example.com' }).optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: optionalText,
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  ),
  S3_ENDPOINT: optionalText.pipe(z.url({ message: 'S3_ENDPOINT must be a URL' }).optional()),
  S3_BUCKET: optionalText,
  S3_REGION: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: flag,
  RESEND_API_KEY: optionalText,
  EMAIL_FROM: optionalText,
  AUTH_SECRET: optionalText.pipe(z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional()),
  PIN_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'PIN_ENCRYPTION_KEY must be 32 bytes, base64-encoded')
      .optional(),
  ),
  PUBLIC_DEMO: flag,
  CARRIER: optionalText.pipe(z.enum(['telnyx', 'sandbox', 'manual'], { message: 'CARRIER must be telnyx, sandbox or manual' }).optional()),
  TELNYX_API_KEY: optionalText,
  TELNYX_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, 'TELNYX_PUBLIC_KEY must be the 32-byte Ed25519 key, base64 (Mission Control: Keys & Credentials, Public Key)')
      .optional(),
  ),
  TELNYX_BASE_URL: optionalText.pipe(z.url({ message: 'TELNYX_BASE_URL must be a URL such as https://api.telnyx.com/v2' }).optional()),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional()),
  METRICS_TOKEN: optionalText.pipe(z.string().min(24, 'METRICS_TOKEN must be at least 24 characters (Prometheus sends it as a bearer token)').optional()),
});

export type Env = {
  appUrl: string;
  port: number;
  dataDir: string;
  /** true when the app is served from this machine only; embedded defaults need no secrets then. */
  isLocal: boolean;
  publicDemo: boolean;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };
  storage:
    | { kind: 's3'; endpoint?: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean }
    | { kind: 'embedded'; dir: string; bucket: string };
  mail: { kind: 'resend'; apiKey: string; from: string } | { kind: 'mailbox'; from: string };
  authSecret: string;
  pinEncryptionKey: Buffer;
  /** The upstream carrier: Telnyx, the in-process sandbox (local, tests, public demo) or none (the hand-driven desk). */
  carrier: { kind: 'telnyx'; apiKey: string; publicKey: string; baseUrl?: string } | { kind: 'sandbox' } | { kind: 'manual' };
  logLevel: LogLevel;
  /** The bearer token /metrics asks for; without one /metrics is off outside local mode. */
  metricsToken?: string;
};

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isLocalUrl(url: string) {
  return isLocalHostname(new URL(url).hostname);
}

/** Parses configuration; throws ConfigError naming each bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const parsed = rawEnv.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  // The same rule as the front door's (scripts/server.ts), so both see one APP_URL.
  const appUrl = resolveAppUrl(e.APP_URL, e.PORT);
  const isLocal = isLocalUrl(appUrl);
  const dataDir = e.DATA_DIR ?? `${cwd}/.data`;
  const problems: string[] = [];

  const mailKind = e.RESEND_API_KEY ? 'resend' : 'mailbox';
  // The mailbox page shows sign-in links: never on a public address unless declared a demo.
  if (mailKind === 'mailbox' && !isLocal && !e.PUBLIC_DEMO) {
    problems.push(
      `RESEND_API_KEY: required when APP_URL (${appUrl}) is not localhost; the local mailbox would publish sign-in links (set PUBLIC_DEMO=true for a public demo)`,
    );
  }
  if (mailKind === 'resend' && !e.EMAIL_FROM) problems.push('EMAIL_FROM: required with RESEND_API_KEY, e.g. "Porting <porting@yourdomain.com>"');
  if (e.S3_ENDPOINT && !e.S3_BUCKET) problems.push('S3_BUCKET: required when S3_ENDPOINT is set');

  // Off this machine the embedded parts would not hold: other instances cannot share them.
  if (!isLocal && !e.PUBLIC_DEMO) {
    if (!e.DATABASE_URL) problems.push('DATABASE_URL: required outside localhost (postgres://...)');
    if (!e.S3_BUCKET) problems.push('S3_BUCKET: required outside localhost (with S3_ENDPOINT for a non-AWS store)');
    if (!e.AUTH_SECRET) problems.push('AUTH_SECRET: required outside localhost (32+ random characters)');
    if (!e.PIN_ENCRYPTION_KEY) problems.push('PIN_ENCRYPTION_KEY: required outside localhost (32 random bytes, base64)');
  }
  // A sandbox on a real deployment would pretend numbers ported: say which carrier, always.
  const carrierKind = e.CARRIER ?? (isLocal || e.PUBLIC_DEMO ? 'sandbox' : undefined);
  if (!carrierKind) problems.push('CARRIER: required outside localhost: telnyx (with TELNYX_API_KEY and TELNYX_PUBLIC_KEY) or manual (no carrier calls)');
  if (carrierKind === 'telnyx') {
    if (!e.TELNYX_API_KEY) problems.push('TELNYX_API_KEY: required with CARRIER=telnyx (Mission Control: Keys & Credentials, API Keys)');
    if (!e.TELNYX_PUBLIC_KEY) problems.push('TELNYX_PUBLIC_KEY: required with CARRIER=telnyx, to verify its webhooks (Mission Control: Keys & Credentials, Public Key)');
  }
  if (problems.length) throw new ConfigError(problems);

  const local = !e.AUTH_SECRET || !e.PIN_ENCRYPTION_KEY ? loadLocalSecrets(dataDir) : null;

  return {
    appUrl,
    port: e.PORT,
    dataDir,
    isLocal,
    publicDemo: e.PUBLIC_DEMO,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dir: `${dataDir}/pglite` },
    storage: e.S3_BUCKET
      ? {
          kind: 's3',
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION ?? 'us-east-1',
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : { kind: 'embedded', dir: `${dataDir}/s3`, bucket: 'port-numbers' },
    mail:
      mailKind === 'resend'
        ? { kind: 'resend', apiKey: e.RESEND_API_KEY!, from: e.EMAIL_FROM! }
        : { kind: 'mailbox', from: e.EMAIL_FROM ?? 'Port Numbers <porting@localhost>' },
    authSecret: e.AUTH_SECRET ?? local!.authSecret,
    pinEncryptionKey: Buffer.from(e.PIN_ENCRYPTION_KEY ?? local!.pinEncryptionKey, 'base64'),
    carrier:
      carrierKind === 'telnyx'
        ? { kind: 'telnyx', apiKey: e.TELNYX_API_KEY!, publicKey: e.TELNYX_PUBLIC_KEY!, ...(e.TELNYX_BASE_URL ? { baseUrl: e.TELNYX_BASE_URL } : {}) }
        : { kind: carrierKind ?? 'manual' },
    logLevel: (e.LOG_LEVEL?.toLowerCase() as LogLevel | undefined) ?? 'info',
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
  };
}

const cache = globalThis as unknown as { __portEnv?: Env };

/** The process's configuration, parsed once. */
export function getEnv(): Env {
  cache.__portEnv ??= parseEnv(process.env);
  return cache.__portEnv;
}
