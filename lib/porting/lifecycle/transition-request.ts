import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import type { EventPayload } from '../events/port-request-event';
import type { PortRequest } from '../port-request-access';
import { STATUS_DESCRIPTIONS } from './status-labels';
import { canTransition, type PortRequestStatus } from './statuses';

type ExtraFields = Partial<Pick<typeof portRequests.$inferInsert, 'submittedAt' | 'focDate' | 'completedAt' | 'cancelledAt' | 'pendingSignature'>>;

export const STALE_MESSAGE = 'This request changed while you were looking at it. Reload the page to see its current state, then try again.';

/**
 * The only writer of a request's status: checks the transition against the status machine and
 * the version the actor saw (a decision made on a stale page is refused, not applied), writes it,
 * and records the status_changed event (with what the change carries) in the caller's transaction.
 */
export async function transitionRequest(
  tx: Transaction,
  options: {
    request: PortRequest;
    to: PortRequestStatus;
    actor: Actor | null;
    expectedVersion?: number;
    fields?: ExtraFields;
    at?: Date;
    event?: Omit<EventPayload<'status_changed'>, 'from' | 'to'>;
  },
): Promise<PortRequest> {
  const { request, to } = options;
  const at = options.at ?? new Date();
  if (!canTransition(request.status, to)) {
    throw new StateError(`A request that is ${STATUS_DESCRIPTIONS[request.status].label.toLowerCase()} cannot become ${STATUS_DESCRIPTIONS[to].label.toLowerCase()}.`);
  }
  const updated = await writeVersion(tx, request, options.expectedVersion, { ...options.fields, status: to, statusChangedAt: at }, at);
  await recordEvent(tx, { requestId: request.id, actor: options.actor, at }, { type: 'status_changed', from: request.status, to, ...options.event });
  return updated;
}

/**
 * A new version of the request, checked against the one the actor saw when given: every change a
 * staff decision could have been made without seeing (numbers ported or rejected, a step saved)
 * goes through here, so a decision made on a page from before it is refused.
 */
export async function bumpVersion(
  tx: Transaction,
  request: PortRequest,
  expectedVersion: number | undefined,
  fields: Omit<Partial<typeof portRequests.$inferInsert>, 'id' | 'status' | 'version'> = {},
  at = new Date(),
): Promise<PortRequest> {
  return writeVersion(tx, request, expectedVersion, fields, at);
}

async function writeVersion(
  tx: Transaction,
  request: PortRequest,
  expectedVersion: number | undefined,
  fields: Partial<typeof portRequests.$inferInsert>,
  at: Date,
): Promise<PortRequest> {
  const version = expectedVersion ?? request.version;
  const [updated] = await tx
    .update(portRequests)
    .set({ ...fields, version: sql`${portRequests.version} + 1`, updatedAt: at })
    .where(and(eq(portRequests.id, request.id), eq(portRequests.version, version)))
    .returning();
  if (!updated) throw new StateError(STALE_MESSAGE);
  return updated;
}
