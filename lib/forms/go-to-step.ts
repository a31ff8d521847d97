import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { stepPath } from '@/lib/porting/wizard/steps';
import type { WizardStepKey } from '@/lib/porting/wizard/steps';

/**
 * After a step is saved, on to the next one. The request's pages are revalidated first, so Back
 * shows the step as saved rather than the browser's copy from before.
 */
export function goToStep(requestId: string, step: WizardStepKey): never {
  revalidatePath(`/numbers/port/${requestId}`, 'layout');
  redirect(stepPath(requestId, step));
}
