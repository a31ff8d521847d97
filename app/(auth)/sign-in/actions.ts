'use server';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/next-auth';
import { isKnownUser, signInSchema } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { logFailure } from '@/lib/log';
import { failed, formValues, invalid, type FormState } from '@/lib/forms/form-state';

export async function requestSignInLink(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Check the email address.');
  try {
    // Unknown addresses get the same page as known ones: the form must not tell who has an account.
    if (await isKnownUser(await getDb(), parsed.data.email)) {
      await signIn('email', { email: parsed.data.email, redirect: false, redirectTo: '/numbers/port' });
    }
  } catch (error) {
    logFailure('sign-in', error);
    return failed('We could not send a sign-in link just now. Please try again in a minute.', values);
  }
  redirect('/sign-in/check-email');
}
