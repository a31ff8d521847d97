// Who made a request, told by the app to the front door that logs it (scripts/server.ts): the front
// door gives each request an id in an internal header (clients cannot set x-port-* headers,
// lib/server/incoming-request.ts); the session lookup notes the actor against it here; the front
// door takes it when the response is finished. On globalThis because Next bundles this module
// apart from the server script. No server-only import: the server script loads it.
export const REQUEST_ID_HEADER = 'x-port-request-id';

export type RequestActor = { actorId: string; apiKeyId?: string };

// Past this many open entries the oldest go: a request the front door never saw finish (or one
// noted after its answer went out) must not grow the map for ever.
const MAX_OPEN = 10_000;
const holder = globalThis as unknown as { __portRequestActors?: Map<string, RequestActor> };
const actors = (holder.__portRequestActors ??= new Map());

export function noteRequestActor(requestId: string | null | undefined, actor: RequestActor): void {
  if (!requestId) return;
  if (actors.size >= MAX_OPEN) actors.delete(actors.keys().next().value!);
  actors.set(requestId, actor);
}

/** The actor noted for this request, once: the entry goes with it. */
export function takeRequestActor(requestId: string): RequestActor | undefined {
  const actor = actors.get(requestId);
  actors.delete(requestId);
  return actor;
}
