import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { StateError } from '@/lib/errors';
import { bumpVersion } from '../lifecycle/transition-request';
import { findEditableDraft } from '../wizard/editable-draft';

/**
 * "Keep this draft": counts as a change, so the 30 days start again and an announced removal is
 * off. The customer does not have to edit a step just to keep what they entered.
 */
export async function keepDraft(db: Database, actor: Actor, requestId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await findEditableDraft(tx, actor, requestId);
    if (request.status !== 'draft') throw new StateError('Only a draft can be kept this way; this request was already sent to our team.');
    await bumpVersion(tx, request, undefined, {}, now);
  });
}
