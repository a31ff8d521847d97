import { WIZARD_STEPS, isStepOpen, stepPath, type WizardStepKey } from '@/lib/porting/wizard/steps';

/** The wizard's steps with the manual's numbers; completed and open steps are links back. */
export function StepIndicator({ requestId, current, completed, allowedSteps }: { requestId: string; current: WizardStepKey; completed: readonly string[]; allowedSteps?: readonly WizardStepKey[] | null }) {
  return (
    <nav aria-label="Port request steps" className="mb-8">
      <ol className="flex flex-wrap gap-2 text-xs">
        {WIZARD_STEPS.filter((step) => !allowedSteps || allowedSteps.includes(step.key)).map((step) => {
          const done = completed.includes(step.key);
          const isCurrent = step.key === current;
          const open = allowedSteps ? true : isStepOpen(step.key, completed);
          const label = (
            <>
              <span className="font-semibold">Step {step.number}</span> {step.title}
              {done && <span className="sr-only"> (done)</span>}
            </>
          );
          const base = 'block rounded-full px-3 py-1.5 ring-1';
          return (
            <li key={step.key}>
              {isCurrent ? (
                <span aria-current="step" className={`${base} bg-blue-700 text-white ring-blue-700`}>
                  {label}
                </span>
              ) : open ? (
                <a href={stepPath(requestId, step.key)} className={`${base} no-underline ${done ? 'bg-green-50 text-green-900 ring-green-300' : 'bg-white text-slate-700 ring-slate-300'}`}>
                  {done && '✓ '}
                  {label}
                </a>
              ) : (
                <span className={`${base} bg-slate-100 text-slate-600 ring-slate-200`}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
