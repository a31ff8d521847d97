'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { canUseAccount } from '@/lib/auth/actor';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { getEnv } from '@/lib/config/env';
import { signOut } from '@/lib/auth/next-auth';
import { CURRENT_ACCOUNT_COOKIE, getActor } from '@/lib/auth/session';

const switchSchema = z.object({ accountId: z.uuid(), returnTo: z.unknown() });

export async function switchAccount(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  const parsed = switchSchema.safeParse(Object.fromEntries(formData));
  // An account the user may not use is ignored, not revealed.
  if (parsed.success && canUseAccount(actor, parsed.data.accountId)) {
    (await cookies()).set(CURRENT_ACCOUNT_COOKIE, parsed.data.accountId, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: getEnv().appUrl.startsWith('https://'),
    });
  }
  // The one rule for "a path on this site" (lib/auth/callback-path.ts).
  redirect(safeCallbackPath(parsed.success ? parsed.data.returnTo : undefined, '/numbers/port'));
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
