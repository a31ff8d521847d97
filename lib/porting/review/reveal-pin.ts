import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { decryptPin } from '@/lib/crypto/pin';
import { StateError } from '@/lib/errors';
import { recordEvent } from '../events/record-event';
import { findRequestForStaff } from './staff-request';

/** Shows the account PIN to the regulatory team only, and records who looked and when. */
export async function revealAccountPin(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    const request = await findRequestForStaff(tx, actor, requestId);
    if (!request.accountPinCiphertext) throw new StateError('No PIN is on file for this request.');
    await recordEvent(tx, { requestId, actor, at: now }, { type: 'pin_revealed' });
    return decryptPin(request.accountPinCiphertext, getEnv().pinEncryptionKey);
  });
}
