import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { isStepOpen, resumeStep, stepPath, type WizardStepKey } from '../wizard-steps';
import { getWizardDraft } from './get-wizard-draft';

/** For a wizard page: the signed-in user's draft, or 404; a sent request goes to its own page. */
export async function loadWizardStep(requestId: string, step: WizardStepKey) {
  const { actor, account } = await requireAccountUser();
  const db = await getDb();
  let draft;
  try {
    draft = await getWizardDraft(db, actor, requestId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (draft.status !== 'draft') redirect(`/numbers/port/${requestId}`);
  if (!isStepOpen(step, draft.completedSteps)) redirect(stepPath(requestId, resumeStep(draft.completedSteps)));
  return { actor, account, db, draft };
}
