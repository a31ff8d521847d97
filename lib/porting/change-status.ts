import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestEvents, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import type { PortRequest } from './port-request-access';
import { canTransition, STATUS_DESCRIPTIONS, type PortRequestStatus } from './status';

type ExtraFields = Partial<Pick<typeof portRequests.$inferInsert, 'submittedAt' | 'focDate' | 'completedAt' | 'cancelledAt' | 'pendingSignature'>>;

/**
 * The only writer of a request's status: checks the transition against the status machine and
 * the version the actor saw (a decision made on a stale page is refused, not applied), then
 * writes the change with its audit event in the caller's transaction.
 */
export async function changeRequestStatus(
  tx: Transaction,
  options: {
    request: PortRequest;
    to: PortRequestStatus;
    actor: Actor;
    reason?: string;
    data?: Record<string, unknown>;
    expectedVersion?: number;
    fields?: ExtraFields;
    at?: Date;
  },
): Promise<PortRequest> {
  const { request, to, actor } = options;
  const at = options.at ?? new Date();
  if (!canTransition(request.status, to)) {
    throw new StateError(`A request that is ${STATUS_DESCRIPTIONS[request.status].label.toLowerCase()} cannot become ${STATUS_DESCRIPTIONS[to].label.toLowerCase()}.`);
  }
  const version = options.expectedVersion ?? request.version;
  const [updated] = await tx
    .update(portRequests)
    .set({ ...options.fields, status: to, version: sql`${portRequests.version} + 1`, updatedAt: at })
    .where(and(eq(portRequests.id, request.id), eq(portRequests.version, version)))
    .returning();
  if (!updated) {
    throw new StateError('This request changed while you were looking at it. Reload the page to see its current state, then try again.');
  }
  await tx.insert(portRequestEvents).values({
    portRequestId: request.id,
    actorUserId: actor.userId,
    type: 'status_changed',
    fromStatus: request.status,
    toStatus: to,
    reason: options.reason,
    data: options.data,
    createdAt: at,
  });
  return updated;
}
