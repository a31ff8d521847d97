import 'server-only';
import { kickPoller, startPoller } from '@/lib/background/poller';
import { getDb } from '@/lib/db';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { sendSignInLink } from '@/lib/auth/send-sign-in-link';
import { SIGN_IN_LINK_JOB, type SignInLinkPayload } from '@/lib/auth/request-sign-in-link';
import { activateSms, ACTIVATE_SMS_JOB, type ActivateSmsPayload } from '@/lib/porting/review/sms-activation';
import { runDueJobs, type JobHandler } from './run-due-jobs';

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [ACTIVATE_SMS_JOB]: async (tx, payload, now) => {
    await activateSms(tx, payload as ActivateSmsPayload, now);
  },
  [SIGN_IN_LINK_JOB]: async (tx, payload, now) => {
    await sendSignInLink(tx, payload as SignInLinkPayload, now);
  },
};

/** Runs due jobs as of `now` (the local /dev/jobs page passes a later time to test ahead). */
export async function runJobsNow(now?: Date) {
  const report = await runDueJobs({ db: await getDb(), handlers: JOB_HANDLERS, now });
  if (report.done) kickOutbox();
  return report;
}

export function startJobWorker(intervalMs = 15_000): void {
  startPoller('jobs', async () => void (await runJobsNow()), intervalMs);
}

export function kickJobs(): void {
  kickPoller('jobs');
}
