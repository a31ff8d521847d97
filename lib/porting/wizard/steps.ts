// The wizard's steps, in order, carrying the help article's numbering (step 1 is opening Numbers >
// Port Numbers). Every "steps before X" is derived from this list. No server-only imports: the step
// indicator and the client forms read it too.
export const WIZARD_STEPS = [
  { key: 'carrier', number: 2, title: 'Current carrier' },
  { key: 'numbers', number: 3, title: 'Numbers to Port' },
  { key: 'customer', number: 4, title: 'Customer Name and PIN' },
  { key: 'address', number: 5, title: 'Billing Address' },
  { key: 'agreement', number: 6, title: 'Agreement' },
  { key: 'loa', number: 7, title: 'Letter of Authorization' },
  { key: 'proof', number: 8, title: 'Proof of Ownership' },
] as const;

export type WizardStepKey = (typeof WIZARD_STEPS)[number]['key'];

const ORDER: readonly WizardStepKey[] = WIZARD_STEPS.map((s) => s.key);

function indexOf(step: WizardStepKey): number {
  const i = ORDER.indexOf(step);
  if (i < 0) throw new Error(`Not a wizard step: ${step}`);
  return i;
}

export function stepPath(requestId: string, step: WizardStepKey): string {
  return `/numbers/port/${requestId}/${step}`;
}

/** The steps that come before `step`, in order: what must be complete before it can be done. */
export function stepsBefore(step: WizardStepKey): WizardStepKey[] {
  return ORDER.slice(0, indexOf(step));
}

/** `step` and the ones after it, in order. */
export function stepsFrom(step: WizardStepKey): WizardStepKey[] {
  return ORDER.slice(indexOf(step));
}

/** The steps before `step` that are not complete yet, in order. */
export function missingStepsBefore(step: WizardStepKey, completed: readonly string[]): WizardStepKey[] {
  return stepsBefore(step).filter((s) => !completed.includes(s));
}

export function stepAfter(step: WizardStepKey): WizardStepKey | null {
  return ORDER[indexOf(step) + 1] ?? null;
}

/** A step can be opened once every step before it is complete. */
export function isStepOpen(step: WizardStepKey, completed: readonly string[]): boolean {
  return missingStepsBefore(step, completed).length === 0;
}

/** Where to resume a draft: the first step not yet complete. */
export function resumeStep(completed: readonly string[]): WizardStepKey {
  return ORDER.find((s) => !completed.includes(s)) ?? 'proof';
}
