// The wizard's steps carry the help article's numbering (step 1 is opening Numbers > Port Numbers).
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

export function stepPath(requestId: string, step: WizardStepKey): string {
  return `/numbers/port/${requestId}/${step}`;
}

export function stepAfter(step: WizardStepKey): WizardStepKey | null {
  const i = WIZARD_STEPS.findIndex((s) => s.key === step);
  return WIZARD_STEPS[i + 1]?.key ?? null;
}

/** A step can be opened once every step before it is complete. */
export function isStepOpen(step: WizardStepKey, completed: readonly string[]): boolean {
  for (const s of WIZARD_STEPS) {
    if (s.key === step) return true;
    if (!completed.includes(s.key)) return false;
  }
  return false;
}

/** Where to resume a draft: the first step not yet complete. */
export function resumeStep(completed: readonly string[]): WizardStepKey {
  return WIZARD_STEPS.find((s) => !completed.includes(s.key))?.key ?? 'proof';
}
