'use client';

/** A signing secret shown once, in the answer to the post that made it. */
export function SecretReveal({ title, secret, note }: { title: string; secret: string; note?: string }) {
  return (
    <div role="status" data-testid="new-webhook-secret" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-medium">{title} Copy the signing secret now: it will not be shown again.</p>
      <label htmlFor="new-webhook-secret" className="mt-3 block text-xs font-medium text-amber-900">
        Signing secret
      </label>
      <input
        id="new-webhook-secret"
        readOnly
        value={secret}
        className="mt-1 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="mt-2 text-xs">
        Verify every message with it (Standard Webhooks: the <code>webhook-signature</code> header). {note}
      </p>
    </div>
  );
}
