import 'server-only';
import { requireAccountUser } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { findInternationalInquiry } from '@/lib/porting/international/inquiry-thread';
import { findPortRequest } from '@/lib/porting/port-request-access';
import { orNotFound } from './or-not-found';

// The door of every action that names a request or an inquiry: before the form is read, the caller
// must be allowed to see what it names, so a stranger gets the 404 and learns nothing, not even
// which fields would be wrong. The service checks again inside its transaction.

/** The signed-in account user and the `requestId` of the form, which they may see; else 404. */
export async function requireRequestForAction(formData: FormData): Promise<{ actor: Actor; requestId: string }> {
  const { actor } = await requireAccountUser();
  const requestId = String(formData.get('requestId') ?? '');
  await orNotFound(findPortRequest(await getDb(), actor, requestId));
  return { actor, requestId };
}

/** The signed-in account user and the `inquiryId` of the form, which they may see; else 404. */
export async function requireInquiryForAction(formData: FormData): Promise<{ actor: Actor; inquiryId: string }> {
  const { actor } = await requireAccountUser();
  const inquiryId = String(formData.get('inquiryId') ?? '');
  await orNotFound(findInternationalInquiry(await getDb(), actor, inquiryId));
  return { actor, inquiryId };
}
