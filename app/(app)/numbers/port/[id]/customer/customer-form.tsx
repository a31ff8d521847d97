'use client';
import { useActionState, useMemo } from 'react';
import { RadioGroup, TextField } from '@/components/forms/fields';
import { ErrorSummary, fieldErrorsOf, valueOf } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { BackToLetterInput, saveLabel } from '@/components/porting/back-to-letter';
import { useSchemaCheck } from '@/components/forms/use-schema-check';
import { customerStepSchema } from '@/lib/porting/wizard/customer-schema';
import { saveCustomer } from './actions';

export type CustomerSaved = {
  customerName: string;
  carrierAccountNumber: string;
  portType: string;
  billingTelephoneNumber: string;
  btnIsPorting: string;
  hasPin: boolean;
};

export function CustomerForm({ requestId, saved, backToLetter = false }: { requestId: string; saved: CustomerSaved; backToLetter?: boolean }) {
  const [answer, action] = useActionState(saveCustomer, null);
  // A PIN the server kept (sealed) from a refused post counts as typed: the field may stay blank.
  const keptPin = valueOf(answer, 'keptPin');
  const schema = useMemo(() => customerStepSchema({ pinOnFile: saved.hasPin || !!keptPin }), [saved.hasPin, keptPin]);
  const { state, onSubmit, onChange } = useSchemaCheck(answer, schema);
  const pinErrors = fieldErrorsOf(state, 'accountPin');
  return (
    <form action={action} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-6">
      <input type="hidden" name="requestId" value={requestId} />
      <BackToLetterInput on={backToLetter} />
      {keptPin && <input type="hidden" name="keptPin" value={keptPin} />}
      <ErrorSummary
        state={state}
        labels={{ customerName: 'Customer Name', carrierAccountNumber: 'Account number', accountPin: 'Account PIN', portType: 'Full or partial', billingTelephoneNumber: 'Billing telephone number', btnIsPorting: 'Billing number' }}
      />
      <TextField
        name="customerName"
        label="Customer Name"
        hint="Exactly as it appears on the telephone bill, letter for letter. A mismatch is the most common reason carriers reject a port."
        defaultValue={valueOf(state, 'customerName', saved.customerName)}
        errors={fieldErrorsOf(state, 'customerName')}
        autoComplete="organization"
        maxLength={100}
      />
      <TextField
        name="carrierAccountNumber"
        label="Account number"
        hint="The account number on the current carrier's bill."
        defaultValue={valueOf(state, 'carrierAccountNumber', saved.carrierAccountNumber)}
        errors={fieldErrorsOf(state, 'carrierAccountNumber')}
        autoComplete="off"
        maxLength={40}
      />
      <div>
        <TextField
          name="accountPin"
          type="password"
          label="Account PIN"
          hint={
            keptPin ? (
              <>The PIN you typed is kept, hidden. Leave this empty to keep it, or type it again to change it.</>
            ) : saved.hasPin ? (
              <>A PIN is saved <span aria-hidden="true">(••••)</span>. To change it, type the new PIN; leave empty to keep it.</>
            ) : (
              <>Don&apos;t know it? Ask your current service provider for the account PIN; they give it with the CSR (customer service record).</>
            )
          }
          errors={pinErrors}
          autoComplete="off"
          maxLength={20}
        />
      </div>
      <RadioGroup
        name="portType"
        legend="Are you moving every number on this carrier account?"
        defaultValue={valueOf(state, 'portType', saved.portType)}
        errors={fieldErrorsOf(state, 'portType')}
        options={[
          { value: 'full', label: 'Yes, all numbers on the account (full port). The carrier account will close.' },
          { value: 'partial', label: 'No, some numbers stay with the current carrier (partial port).' },
        ]}
      />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium">For a partial port only</legend>
        <TextField
          name="billingTelephoneNumber"
          label="Billing telephone number (BTN)"
          hint="The main number of the carrier account, shown on the bill."
          defaultValue={valueOf(state, 'billingTelephoneNumber', saved.billingTelephoneNumber)}
          errors={fieldErrorsOf(state, 'billingTelephoneNumber')}
          type="tel"
        />
        <RadioGroup
          name="btnIsPorting"
          legend="Is the billing telephone number one of the numbers you are porting?"
          defaultValue={valueOf(state, 'btnIsPorting', saved.btnIsPorting)}
          errors={fieldErrorsOf(state, 'btnIsPorting')}
          options={[
            { value: 'yes', label: 'Yes: the carrier will ask which number becomes the new main number of the account you keep.' },
            { value: 'no', label: 'No, it stays with the current carrier.' },
          ]}
        />
      </fieldset>
      <SubmitButton pendingText="Saving…">{saveLabel(backToLetter)}</SubmitButton>
    </form>
  );
}
