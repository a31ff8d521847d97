import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests, staffMembers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { findRequestForStaff } from '../review/staff-request';

export type AssignmentResult = { assigneeName: string | null; previousName: string | null; changed: boolean };

const nameOf = sql<string>`coalesce(${users.name}, ${users.email})`;

/**
 * Gives a request to a team member (null: back to nobody), recorded in the team's audit trail.
 * Not a decision: the version is not bumped (an open page's decisions stay valid) and the request
 * keeps its place in the queue. Two people taking it at once: the last one holds it, and the page
 * and the event say who.
 */
export async function assignRequest(db: Database, actor: Actor, requestId: string, assigneeUserId: string | null, now = new Date()): Promise<AssignmentResult> {
  return db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    let assigneeName: string | null = null;
    if (assigneeUserId) {
      const [member] = await tx.select({ name: nameOf }).from(staffMembers).innerJoin(users, eq(users.id, staffMembers.userId)).where(eq(staffMembers.userId, assigneeUserId));
      if (!member) throw new StateError('Choose a member of the team: requests can be assigned only to them.');
      assigneeName = member.name;
    }
    const [previous] = request.assignedToUserId ? await tx.select({ name: nameOf }).from(users).where(eq(users.id, request.assignedToUserId)) : [];
    const previousName = previous?.name ?? null;
    if (request.assignedToUserId === assigneeUserId) return { assigneeName, previousName, changed: false };
    await tx.update(portRequests).set({ assignedToUserId: assigneeUserId, assignedAt: assigneeUserId ? now : null }).where(eq(portRequests.id, requestId));
    await recordEvent(tx, { requestId, actor, at: now }, {
      type: 'assignment_changed',
      ...(assigneeUserId ? { assigneeUserId, assigneeName: assigneeName ?? undefined } : {}),
      ...(request.assignedToUserId ? { previousUserId: request.assignedToUserId, previousName: previousName ?? undefined } : {}),
    });
    return { assigneeName, previousName, changed: true };
  });
}
