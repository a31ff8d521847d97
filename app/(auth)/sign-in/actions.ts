'use server';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { safeCallbackPath } from '@/lib/auth/callback-path';
import { kickJobs } from '@/lib/jobs/job-worker';
import { requestSignInLink as requestLink } from '@/lib/auth/request-sign-in-link';
import { signInSchema } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { logFailure } from '@/lib/log';
import { failed, formValues, invalid, type FormState } from '@/lib/forms/form-state';
import { requestClient } from '@/lib/security/request-client';

export async function requestSignInLink(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Check the email address.');
  try {
    const outcome = await requestLink(await getDb(), {
      email: parsed.data.email,
      clientAddress: (await requestClient()).address,
      callbackPath: safeCallbackPath(values.callbackUrl),
    });
    if (outcome === 'rate-limited') {
      return failed('Too many sign-in links were requested. Wait 15 minutes, then try again; the last link we sent still works.', values);
    }
  } catch (error) {
    logFailure('sign-in', error);
    return failed('We could not send a sign-in link just now. Please try again in a minute.', values);
  }
  // Only once the answer has gone out: the job's work (a token and an email, for a known address)
  // must not add to this response's time, or the time would tell who has an account.
  after(kickJobs);
  redirect('/sign-in/check-email');
}
