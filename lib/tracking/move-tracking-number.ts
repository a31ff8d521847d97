import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { portRequests, trackingNumbers, trackingSources } from '@/db/schema';
import { canUseAccount, type Actor } from '@/lib/auth/actor';
import { NotFoundError, StateError } from '@/lib/errors';
import { formatPhoneNumber } from '@/lib/phone/format';
import { isOpen } from '@/lib/porting/lifecycle/statuses';

/**
 * Moves a tracking number to another account the user may use. A number whose port request is
 * still open stays put: carriers and the request still refer to the account it was ported into.
 */
export async function moveTrackingNumber(db: Database, actor: Actor, trackingNumberId: string, toAccountId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(trackingNumberId)) throw new NotFoundError('That tracking number');
    const [tracking] = await tx.select().from(trackingNumbers).where(eq(trackingNumbers.id, trackingNumberId)).for('update');
    if (!tracking || !canUseAccount(actor, tracking.accountId)) throw new NotFoundError('That tracking number');
    if (!canUseAccount(actor, toAccountId)) throw new NotFoundError('That account');
    // Numbers move within one agency (between it and its sub-accounts), never between customers.
    const agencyOf = (id: string) => {
      const account = actor.accounts.find((a) => a.id === id)!;
      return account.parentAccountId ?? account.id;
    };
    if (agencyOf(tracking.accountId) !== agencyOf(toAccountId)) throw new StateError('A number can move only between an agency and its own sub-accounts.');
    if (tracking.portRequestId) {
      const [request] = await tx.select({ status: portRequests.status }).from(portRequests).where(eq(portRequests.id, tracking.portRequestId));
      if (request && isOpen(request.status)) {
        throw new StateError(
          `${formatPhoneNumber(tracking.number)} is still part of an open port request. Move it once the request is completed, so the carriers' records and ours stay the same.`,
        );
      }
    }
    // Sources belong to accounts: keep the one of the same name in the new account, if it has one.
    const [source] = tracking.trackingSourceId
      ? await tx
          .select({ id: trackingSources.id })
          .from(trackingSources)
          .where(and(eq(trackingSources.accountId, toAccountId), sql`lower(${trackingSources.name}) = (select lower(name) from ${trackingSources} where id = ${tracking.trackingSourceId})`))
      : [];
    await tx.update(trackingNumbers).set({ accountId: toAccountId, trackingSourceId: source?.id ?? null }).where(eq(trackingNumbers.id, trackingNumberId));
  });
}
