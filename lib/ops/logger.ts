// The process's one logger: JSON lines on stdout (pino), shared by the front door (scripts/server.ts)
// and the Next bundle through globalThis. No server-only import: the server script loads it.
//
// What a line may carry is decided where it is written (ids, counts, routes, the kind of a failure:
// see lib/log.ts); the redact paths below are the second line of defence for a field that slips in.
import { pino, type DestinationStream, type Logger } from 'pino';
import { logLevelSetting } from '../config/log-level';
import { currentRequestId } from './request-context';

/** Field names that never reach a line with their value, at the top level or one object down. */
const PERSONAL_FIELDS = [
  'pin', 'accountPin', 'token', 'signInToken', 'secret', 'signingSecret', 'apiKey', 'password',
  'authorization', 'cookie', 'headers', 'email', 'to', 'from', 'address', 'serviceAddress',
  'billingAddress', 'street', 'postalCode', 'accountNumber', 'accountHolder', 'phone', 'number', 'numbers', 'body', 'html', 'text',
];
export const REDACT_PATHS = PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]);

const holder = globalThis as unknown as { __portLogger?: Logger };

/** A logger with the app's settings; stdout unless told where (tests read what it writes). */
export function createLogger(destination?: DestinationStream, level = logLevelSetting(process.env)): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    // Names a level in words and the time in ISO, so a person can read a line without a tool.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // A line written while serving a request names it (lib/ops/request-context.ts).
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export function getLogger(): Logger {
  holder.__portLogger ??= createLogger();
  return holder.__portLogger;
}

/** Tests: log through `logger` (undefined: back to stdout). */
export function setLogger(logger: Logger | undefined): void {
  holder.__portLogger = logger;
}
