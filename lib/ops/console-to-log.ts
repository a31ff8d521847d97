// The front door's output is JSON lines only: what Next and libraries print with console.* (their
// start-up notes, an error a page threw) and Node's warnings become lines of the logger. An error
// keeps only its kind and message (describeError): a failed query's text and parameters, which can
// hold an encrypted PIN or an address, never reach the log. No server-only import: the server
// script loads it.
import { format } from 'node:util';
import { describeError } from '../log';
import { getLogger } from './logger';

const asText = (args: unknown[]) => format(...args.map((a) => (a instanceof Error ? describeError(a) : a))).slice(0, 2_000);

export function routeConsoleToLogger(): void {
  const logger = getLogger();
  console.log = (...args: unknown[]) => logger.info({ context: 'console' }, asText(args));
  console.info = console.log;
  console.debug = (...args: unknown[]) => logger.debug({ context: 'console' }, asText(args));
  console.warn = (...args: unknown[]) => logger.warn({ context: 'console' }, asText(args));
  console.error = (...args: unknown[]) => logger.error({ context: 'console' }, asText(args));
  // Node prints warnings to stderr from its own listener: replaced by one that logs them.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => logger.warn({ context: 'node', warning: warning.name }, warning.message.slice(0, 500)));
}
