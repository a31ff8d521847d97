'use server';
import { redirect } from 'next/navigation';
import { completeSignIn } from '@/lib/auth/complete-sign-in';
import { signInLinkSchema } from '@/lib/auth/sign-in';
import { formValues } from '@/lib/forms/form-state';

/** "Sign in" on the confirmation page: the only way a sign-in link starts a session. */
export async function confirmSignIn(formData: FormData): Promise<void> {
  const parsed = signInLinkSchema.safeParse(formValues(formData));
  redirect(parsed.success ? await completeSignIn(parsed.data) : '/sign-in?error=link');
}
