'use client';
import { useActionState } from 'react';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
// Numbers arrive formatted from the server: the phone-number library stays out of the browser bundle.
export type ForwardingRow = { trackingNumberId: string; trackingNumber: string; portingNumber: string; newReceivingNumber: string };
import { saveRouting } from './actions';

export function RoutingForm({ requestId, forwarding }: { requestId: string; forwarding: ForwardingRow[] }) {
  const [state, action] = useActionState(saveRouting, null);
  return (
    <form action={action} className="space-y-3" id="routing">
      <input type="hidden" name="requestId" value={requestId} />
      <ErrorSummary state={state} />
      {state?.ok && <p role="status" className="text-sm text-green-700">{state.message}</p>}
      {forwarding.map((f) => {
        const name = `route.${f.trackingNumberId}`;
        const errors = fieldErrorsOf(state, name);
        return (
          <div key={f.trackingNumberId} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr]">
            <p className="text-sm">
              Tracking number <span className="font-mono">{f.trackingNumber}</span> forwards to{' '}
              <span className="font-mono">{f.portingNumber}</span>, which you are porting.
            </p>
            <label className="text-sm font-medium">
              Forward it instead to
              <input
                id={name}
                name={name}
                defaultValue={valueOf(state, name, f.newReceivingNumber)}
                inputMode="tel"
                aria-invalid={errors.length > 0}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
              />
              {errors.length > 0 && <span className="text-sm text-red-700">{errors[0]}</span>}
            </label>
          </div>
        );
      })}
      <SubmitButton variant="secondary" pendingText="Saving…">Save routing</SubmitButton>
    </form>
  );
}
