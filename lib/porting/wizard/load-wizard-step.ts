import 'server-only';
import { redirect } from 'next/navigation';
import { requireAccountUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { orNotFound } from '@/lib/forms/or-not-found';
import { stepsOpenForFixing } from './editable-draft';
import { getWizardDraft } from './get-wizard-draft';
import { isStepOpen, resumeStep, stepPath, stepsFrom, type WizardStepKey } from './steps';

/** For a wizard page: the signed-in user's draft, or 404; a sent request goes to its own page. */
export async function loadWizardStep(requestId: string, step: WizardStepKey) {
  const { actor, account } = await requireAccountUser();
  const db = await getDb();
  const draft = await orNotFound(getWizardDraft(db, actor, requestId));
  if (draft.status === 'changes_needed') {
    // Fixing what the team asked for: only the steps its reasons open, in any order.
    const allowedSteps = await stepsOpenForFixing(db, requestId);
    if (!allowedSteps.includes(step)) {
      // "Save and continue" lands on the next step the team opened, else back on the request.
      const next = stepsFrom(step).find((s) => allowedSteps.includes(s));
      redirect(next ? stepPath(requestId, next) : `/numbers/port/${requestId}`);
    }
    return { actor, account, db, draft, allowedSteps };
  }
  if (draft.status !== 'draft') redirect(`/numbers/port/${requestId}`);
  if (!isStepOpen(step, draft.completedSteps)) redirect(stepPath(requestId, resumeStep(draft.completedSteps)));
  return { actor, account, db, draft, allowedSteps: null };
}
