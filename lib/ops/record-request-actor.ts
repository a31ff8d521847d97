import 'server-only';
import { headers } from 'next/headers';
import { noteRequestActor, REQUEST_ID_HEADER, type RequestActor } from './request-actor';

/** Tells the front door's request log who this request's actor is (lib/ops/request-actor.ts). */
export async function recordRequestActor(actor: RequestActor | null | undefined): Promise<void> {
  if (!actor) return;
  try {
    noteRequestActor((await headers()).get(REQUEST_ID_HEADER), actor);
  } catch {
    // Outside a request (a script, a test calling the service directly): nothing to tell.
  }
}
