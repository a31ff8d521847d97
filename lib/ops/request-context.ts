// The request a piece of work is done for, as the front door (scripts/server.ts) named it: every log
// line written while serving it (a failure deep in a service included) carries its request id, so
// one search finds the request line and what went wrong in it. On globalThis because Next bundles
// modules apart from the server script. No server-only import: the server script loads it.
import { AsyncLocalStorage } from 'node:async_hooks';

type RequestContext = { requestId: string };
const holder = globalThis as unknown as { __portRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__portRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runInRequest<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
