'use server';
import { redirect } from 'next/navigation';
import { completeSignIn } from '@/lib/auth/complete-sign-in';
import { signInLinkSchema } from '@/lib/auth/sign-in';
import { formValues } from '@/lib/forms/form-state';
import { logFailure } from '@/lib/log';

/** "Sign in" on the confirmation page: the only way a sign-in link starts a session. */
export async function confirmSignIn(formData: FormData): Promise<void> {
  const parsed = signInLinkSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect('/sign-in?error=link');
  let next: string;
  try {
    next = await completeSignIn(parsed.data);
  } catch (error) {
    // Back to the page: it offers the link again if the failure left it unspent, else says it is used.
    logFailure('sign-in confirmation', error);
    const { email, token, callbackUrl } = parsed.data;
    redirect(`/sign-in/confirm?${new URLSearchParams({ email, token, ...(callbackUrl ? { callbackUrl } : {}), failed: '1' })}`);
  }
  redirect(next);
}
