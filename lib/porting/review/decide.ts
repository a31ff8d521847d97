import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { carryNumbers } from '../lifecycle/transition-numbers';
import { transitionRequest } from '../lifecycle/transition-request';
import { openDecision } from './staff-request';

/** "Start review": the team has the request in hand. */
export async function startReview(db: Database, actor: Actor, requestId: string, version: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request } = await openDecision(tx, actor, requestId, 'start_review', version);
    await transitionRequest(tx, { request, to: 'in_review', actor, expectedVersion: version, at: now });
  });
}

/** "Approve": the proof is sufficient and the request goes to the current carrier, its numbers with it. */
export async function approveRequest(db: Database, actor: Actor, requestId: string, version: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const { request } = await openDecision(tx, actor, requestId, 'approve', version);
    await transitionRequest(tx, { request, to: 'approved', actor, expectedVersion: version, at: now });
    await carryNumbers(tx, requestId, 'approved');
  });
}
