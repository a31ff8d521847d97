import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { portRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { settledRequestStatus } from '../lifecycle/statuses';
import { numbersOfRequest } from '../lifecycle/transition-numbers';
import { transitionRequest } from '../lifecycle/transition-request';

/** After numbers change, moves the request to completed or cancelled when none is still moving. */
export async function settleRequest(tx: Transaction, actor: Actor | null, requestId: string, at: Date, via?: 'carrier'): Promise<'completed' | 'cancelled' | null> {
  const numbers = await numbersOfRequest(tx, requestId);
  const settled = settledRequestStatus(numbers.map((n) => n.status));
  if (!settled) return null;
  const [request] = await tx.select().from(portRequests).where(eq(portRequests.id, requestId));
  if (request.status === settled) return settled;
  await transitionRequest(tx, {
    request,
    to: settled,
    actor,
    at,
    fields: settled === 'completed' ? { completedAt: at } : { cancelledAt: at },
    event: { settled: true, ...(via ? { via } : {}) },
  });
  return settled;
}
