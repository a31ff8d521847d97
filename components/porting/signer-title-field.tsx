/**
 * "Your title at the business", beside the signer's name: the letter names the authorized person
 * "Name, Title", as carriers ask. Shared by step 7 and the signing page reached by email.
 */
export function SignerTitleField({ defaultValue, errors }: { defaultValue: string; errors: string[] }) {
  return (
    <div id="signerTitle">
      <label htmlFor="signerTitle-input" className="block text-sm font-medium">
        Your title at the business
      </label>
      <p id="signerTitle-hint" className="mt-1 text-sm text-slate-600">
        For example Office Manager or Owner. The letter names you with it.
      </p>
      <input
        id="signerTitle-input"
        name="signerTitle"
        defaultValue={defaultValue}
        autoComplete="organization-title"
        maxLength={60}
        aria-describedby="signerTitle-hint"
        aria-invalid={errors.length > 0}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
      />
      {errors.length > 0 && <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p>}
    </div>
  );
}
