// LOG_LEVEL, read by the logger (lib/ops/logger.ts) in the front door before Next starts and
// checked again by lib/config/env.ts, so a bad value stops start-up with the variable named. No
// server-only import: the server script loads it outside Next.
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** The level to log at: LOG_LEVEL when it is one, else info. */
export function logLevelSetting(source: Record<string, string | undefined>): LogLevel {
  const value = source.LOG_LEVEL?.trim().toLowerCase() ?? '';
  return isLogLevel(value) ? value : 'info';
}
