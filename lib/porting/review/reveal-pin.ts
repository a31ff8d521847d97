import 'server-only';
import type { Database } from '@/db/client';
import { portRequestEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { decryptPin } from '@/lib/crypto/pin';
import { StateError } from '@/lib/errors';
import { findRequestForStaff } from './staff-request';

/** Shows the account PIN to the regulatory team only, and records who looked and when. */
export async function revealAccountPin(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    if (!request.accountPinCiphertext) throw new StateError('No PIN is on file for this request.');
    await tx.insert(portRequestEvents).values({ portRequestId: requestId, actorUserId: actor.userId, type: 'pin_revealed', createdAt: now });
    return decryptPin(request.accountPinCiphertext, getEnv().pinEncryptionKey);
  });
}
