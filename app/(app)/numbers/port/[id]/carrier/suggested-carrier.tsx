'use client';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveCarrier } from './actions';

/**
 * "The carrier's records show these numbers with X": one click saves X as step 2's carrier through
 * step 2's own save (saveCarrier), so a signed letter is voided as by any edit there, and the
 * requested port date stays as saved.
 */
export function SuggestedCarrier({ requestId, suggestion, requestedPortDate, signed }: {
  requestId: string;
  suggestion: string;
  requestedPortDate: string;
  /** The letter is signed: using the suggestion means signing it again. */
  signed: boolean;
}) {
  const [state, action] = useActionState(saveCarrier, null);
  return (
    <form action={action} className="mt-4 rounded-md bg-blue-50 p-4 text-sm text-blue-950 ring-1 ring-blue-200" data-testid="carrier-suggestion">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="losingCarrier" value={suggestion} />
      <input type="hidden" name="requestedPortDate" value={requestedPortDate} />
      <ErrorSummary state={state} />
      <p>
        The carrier&apos;s records show these numbers with <strong>{suggestion}</strong>. In step 2, Current carrier, you entered
        another name: ports go faster when it matches the carrier&apos;s records.
        {signed && ' Changing it means signing the Letter of Authorization again.'}
      </p>
      <div className="mt-3">
        <SubmitButton variant="secondary" pendingText="Saving…">{`Use ${suggestion}`}</SubmitButton>
      </div>
    </form>
  );
}
