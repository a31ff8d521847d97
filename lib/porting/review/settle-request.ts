import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequestNumbers, portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { changeRequestStatus } from '../change-status';
import { settledRequestStatus } from '../status';

/** After numbers change, moves the request to completed or cancelled when none is still moving. */
export async function settleRequest(tx: Transaction, actor: Actor, requestId: string, at: Date): Promise<'completed' | 'cancelled' | null> {
  const numbers = await tx.select({ status: portRequestNumbers.status }).from(portRequestNumbers).where(eq(portRequestNumbers.portRequestId, requestId));
  const settled = settledRequestStatus(numbers.map((n) => n.status));
  if (!settled) return null;
  const [request] = await tx.select().from(portRequests).where(eq(portRequests.id, requestId));
  if (request.status === settled) return settled;
  await changeRequestStatus(tx, {
    request,
    to: settled,
    actor,
    at,
    reason: settled === 'cancelled' ? 'Every number was rejected by the carrier.' : undefined,
    fields: settled === 'completed' ? { completedAt: at } : { cancelledAt: at },
  });
  return settled;
}
