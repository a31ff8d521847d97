import 'server-only';
import { kickPoller, startPoller } from '@/lib/background/poller';
import { getDb } from '@/lib/db';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { sendSignInLink } from '@/lib/auth/send-sign-in-link';
import { SIGN_IN_LINK_JOB, type SignInLinkPayload } from '@/lib/auth/request-sign-in-link';
import { activateSms, ACTIVATE_SMS_JOB, type ActivateSmsPayload } from '@/lib/porting/review/sms-activation';
import { cancelCarrierOrder, CANCEL_CARRIER_ORDER_JOB, type CancelCarrierOrderPayload } from '@/lib/porting/carrier/cancel-carrier-orders';
import { placeCarrierOrder, PLACE_CARRIER_ORDER_JOB, type PlaceCarrierOrderPayload } from '@/lib/porting/carrier/place-carrier-order';
import { reconcileCarrierOrders, RECONCILE_CARRIER_JOB } from '@/lib/porting/carrier/reconcile-carrier-orders';
import { updateCarrierOrder, UPDATE_CARRIER_ORDER_JOB, type UpdateCarrierOrderPayload } from '@/lib/porting/carrier/update-carrier-order';
import { deleteStoredFiles, DELETE_STORED_FILES_JOB, type DeleteStoredFilesPayload } from '@/lib/porting/drafts/delete-stored-files';
import { DRAFT_SWEEP_JOB, sweepUntouchedDrafts } from '@/lib/porting/drafts/sweep-untouched-drafts';
import { runDueJobs, type JobHandler } from './run-due-jobs';

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [ACTIVATE_SMS_JOB]: async (tx, payload, now) => {
    await activateSms(tx, payload as ActivateSmsPayload, now);
  },
  [SIGN_IN_LINK_JOB]: async (tx, payload, now) => {
    await sendSignInLink(tx, payload as SignInLinkPayload, now);
  },
  // The upstream carrier: each call retried with the job's backoff while the carrier is down.
  [PLACE_CARRIER_ORDER_JOB]: async (tx, payload, now) => {
    await placeCarrierOrder(tx, payload as PlaceCarrierOrderPayload, now);
  },
  [UPDATE_CARRIER_ORDER_JOB]: async (tx, payload, now) => {
    await updateCarrierOrder(tx, payload as UpdateCarrierOrderPayload, now);
  },
  [CANCEL_CARRIER_ORDER_JOB]: async (tx, payload, now) => {
    await cancelCarrierOrder(tx, payload as CancelCarrierOrderPayload, now);
  },
  [RECONCILE_CARRIER_JOB]: async (tx, _payload, now) => {
    await reconcileCarrierOrders(tx, now);
  },
  // Drafts nobody changed in 30 days: announced, then removed; their files after the rows are gone.
  [DRAFT_SWEEP_JOB]: async (tx, _payload, now) => {
    await sweepUntouchedDrafts(tx, now);
  },
  [DELETE_STORED_FILES_JOB]: async (_tx, payload) => {
    await deleteStoredFiles(payload as DeleteStoredFilesPayload);
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
