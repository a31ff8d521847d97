import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { stepPath } from '@/lib/porting/wizard/steps';
import type { WizardStepKey } from '@/lib/porting/wizard/steps';

/**
 * After a step is saved, on to the next one, or back to the letter when the step was opened from
 * its "Check before you sign" panel (the form's `returnTo`, which can only name the letter: never
 * a URL of the client's). The request's pages are revalidated first, so Back shows the step as
 * saved rather than the browser's copy from before.
 */
export function goToStep(requestId: string, step: WizardStepKey, formData?: FormData): never {
  revalidatePath(`/numbers/port/${requestId}`, 'layout');
  redirect(stepPath(requestId, formData?.get('returnTo') === 'loa' ? 'loa' : step));
}
