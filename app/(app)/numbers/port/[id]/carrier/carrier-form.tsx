'use client';
import { useActionState } from 'react';
import { TextField } from '@/components/forms/fields';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { saveCarrier } from './actions';
import { BackToLetterInput, saveLabel } from '@/components/porting/back-to-letter';

export function CarrierForm({ requestId, saved, dateRange, backToLetter = false }: {
  requestId: string;
  backToLetter?: boolean;
  saved: { losingCarrier: string; requestedPortDate: string };
  dateRange: { min: string; max: string };
}) {
  const [state, action] = useActionState(saveCarrier, null);
  return (
    <form action={action} noValidate className="space-y-6">
      <input type="hidden" name="requestId" value={requestId} />
      <BackToLetterInput on={backToLetter} />
      <ErrorSummary state={state} labels={{ losingCarrier: 'Current carrier', requestedPortDate: 'Requested port date' }} />
      <TextField
        name="losingCarrier"
        label="Current carrier's name"
        hint="The company that bills you for these numbers today, e.g. Verizon, AT&T, Comcast Business."
        defaultValue={valueOf(state, 'losingCarrier', saved.losingCarrier)}
        errors={fieldErrorsOf(state, 'losingCarrier')}
        autoComplete="organization"
        maxLength={100}
      />
      <TextField
        name="requestedPortDate"
        type="date"
        label="Requested port date (optional)"
        hint={`A business day between ${dateRange.min} and ${dateRange.max}. Leave it empty to port as soon as the carrier allows.`}
        defaultValue={valueOf(state, 'requestedPortDate', saved.requestedPortDate)}
        errors={fieldErrorsOf(state, 'requestedPortDate')}
      />
      <SubmitButton pendingText="Saving…">{saveLabel(backToLetter)}</SubmitButton>
    </form>
  );
}
