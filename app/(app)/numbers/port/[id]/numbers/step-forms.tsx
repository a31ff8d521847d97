'use client';
// Numbers arrive formatted from the server: the phone-number library stays out of the browser bundle.
export type ForwardingRow = { trackingNumberId: string; trackingNumber: string; portingNumber: string; newReceivingNumber: string };

/**
 * "Choose an alternate routing": a new receiving number for each tracking number that forwards to
 * a number being ported, in the step's one form (`form`); "Save and continue" saves it.
 */
export function RoutingSection({ forwarding, form, valueOf, errorOf }: {
  forwarding: ForwardingRow[];
  form: string;
  valueOf: (name: string, saved: string) => string;
  errorOf: (name: string) => string | undefined;
}) {
  if (forwarding.length === 0) return null;
  return (
    <section className="mt-6 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200" aria-labelledby="routing-title" id="routing">
      <h3 id="routing-title" className="font-semibold">Choose an alternate routing</h3>
      <p className="mb-3 text-sm text-slate-700">
        Some numbers you are porting are active receiving numbers: tracking numbers forward calls to them today. Choose
        where each of those tracking numbers should forward once the port is done. What you type here is saved with Save and continue.
      </p>
      <div className="space-y-3">
        {forwarding.map((f) => {
          const name = `route.${f.trackingNumberId}`;
          const error = errorOf(name);
          return (
            <div key={f.trackingNumberId} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr]">
              <p className="text-sm">
                Tracking number <span className="font-mono whitespace-nowrap">{f.trackingNumber}</span> forwards to{' '}
                <span className="font-mono whitespace-nowrap">{f.portingNumber}</span>, which you are porting.
              </p>
              <label className="text-sm font-medium">
                Forward it instead to
                <input
                  form={form}
                  id={name}
                  name={name}
                  defaultValue={valueOf(name, f.newReceivingNumber)}
                  inputMode="tel"
                  aria-invalid={!!error}
                  aria-describedby={error ? `${name}-error` : undefined}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
                />
                {error && <span id={`${name}-error`} className="text-sm text-red-700">{error}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </section>
  );
}
