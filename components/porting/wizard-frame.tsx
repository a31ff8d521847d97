import Link from 'next/link';
import type { ReactNode } from 'react';
import type { WizardDraft } from '@/lib/porting/drafts/get-wizard-draft';
import { WIZARD_STEPS, type WizardStepKey } from '@/lib/porting/wizard-steps';
import { StepIndicator } from './step-indicator';

export function WizardFrame({ draft, step, intro, children }: { draft: WizardDraft; step: WizardStepKey; intro?: ReactNode; children: ReactNode }) {
  const meta = WIZARD_STEPS.find((s) => s.key === step)!;
  return (
    <>
      <p className="text-sm text-slate-600">
        <Link href="/numbers/port">Port Numbers</Link> › New port request (draft, saved as you go)
      </p>
      <h1 className="mt-1 mb-4 text-2xl font-semibold">Create Port Request</h1>
      <StepIndicator requestId={draft.id} current={step} completed={draft.completedSteps} />
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
