'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { AGREEMENT_STATEMENTS } from '@/lib/porting/wizard/agreement-statements';
import { saveAgreement } from './actions';

export function AgreementForm({ requestId, accepted }: { requestId: string; accepted: boolean }) {
  const [state, action] = useActionState(saveAgreement, null);
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="requestId" value={requestId} />
      <ErrorSummary state={state} />
      <fieldset>
        <legend className="text-sm font-medium">Agreement</legend>
        <div className="mt-3 space-y-4">
          {AGREEMENT_STATEMENTS.map((s) => {
            const errors = fieldErrorsOf(state, s.key);
            const checked = state && !state.ok ? valueOf(state, s.key) === 'on' : accepted;
            return (
              <div key={s.key} id={s.key}>
                <label className="flex items-start gap-3 text-sm">
                  <input type="checkbox" name={s.key} defaultChecked={checked} className="mt-1 h-4 w-4" aria-invalid={errors.length > 0} />
                  <span>{s.text}</span>
                </label>
                {errors.length > 0 && <p className="mt-1 ml-7 text-sm text-red-700">{errors[0]}</p>}
              </div>
            );
          })}
        </div>
      </fieldset>
      <SubmitButton pendingText="Saving…">Continue to Letter of Authorization</SubmitButton>
    </form>
  );
}
