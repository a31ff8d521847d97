import Link from 'next/link';
import type { ReactNode } from 'react';
import type { WizardDraft } from '@/lib/porting/wizard/get-wizard-draft';
import { WIZARD_STEPS, type WizardStepKey } from '@/lib/porting/wizard/steps';
import { DraftExpiryNotice } from './draft-expiry-notice';
import { StepIndicator } from './step-indicator';

export function WizardFrame({ draft, step, intro, children, allowedSteps }: { draft: WizardDraft; step: WizardStepKey; intro?: ReactNode; children: ReactNode; allowedSteps?: readonly WizardStepKey[] | null }) {
  const meta = WIZARD_STEPS.find((s) => s.key === step)!;
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> ›{' '}
        {allowedSteps ? <Link href={`/numbers/port/${draft.id}`}>Port request</Link> : 'New port request (draft, saved as you go)'}
      </p>
      <h1 className="mt-1 mb-4 text-2xl font-semibold">{allowedSteps ? 'Fix and resubmit' : 'Create Port Request'}</h1>
      {allowedSteps && (
        <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          Changes are needed before this request can go on. Only the parts concerned are open; when they are fixed, sign the letter again if asked
          and resubmit from the last step.
        </p>
      )}
      <DraftExpiryNotice draft={draft} />
      <StepIndicator requestId={draft.id} current={step} completed={draft.completedSteps} allowedSteps={allowedSteps} />
      <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-lg font-semibold">
          Step {meta.number}: {meta.title}
        </h2>
        {intro && <div className="mt-1 mb-6 text-sm text-slate-600">{intro}</div>}
        {children}
      </section>
    </>
  );
}
