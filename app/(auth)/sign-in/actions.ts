'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { signIn } from '@/lib/auth/next-auth';
import { isKnownUser, signInSchema } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { logFailure } from '@/lib/log';
import { failed, formValues, invalid, type FormState } from '@/lib/forms/form-state';

export async function requestSignInLink(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Check the email address.');
  const ip = (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  try {
    const db = await getDb();
    // Per address (someone flooding one inbox) and per IP (someone trying many addresses).
    const allowed = await consumeRateLimit(db, [
      { bucket: `sign-in:email:${parsed.data.email}`, max: 5, windowSeconds: 15 * 60 },
      { bucket: `sign-in:ip:${ip}`, max: 50, windowSeconds: 15 * 60 },
    ]);
    if (!allowed) return failed('Too many sign-in links were requested. Wait 15 minutes, then try again; the last link we sent still works.', values);
    // Unknown addresses get the same page as known ones: the form must not tell who has an account.
    if (await isKnownUser(db, parsed.data.email)) {
      await signIn('email', { email: parsed.data.email, redirect: false, redirectTo: '/numbers/port' });
    }
  } catch (error) {
    logFailure('sign-in', error);
    return failed('We could not send a sign-in link just now. Please try again in a minute.', values);
  }
  redirect('/sign-in/check-email');
}
