import { dateTimeUtc } from '@/lib/format/date-time-utc';
import type { SignatureRequestSummary } from '@/lib/porting/wizard/loa/signature-request/link-state';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** "Waiting for signature by …", expired or declined (with the reason): the LOA step and the request page. */
export function SignatureRequestStatus({ request, children }: { request: SignatureRequestSummary; children?: React.ReactNode }) {
  const who = `${request.signerName} (${request.signerEmail})`;
  if (request.state === 'waiting' || request.state === 'expired') {
    return (
      <section data-testid="signature-request" className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-amber-950 ring-1 ring-amber-300">
        <p className="font-medium">
          {request.state === 'waiting' ? `Waiting for signature by ${who}, sent ${day(request.lastSentAt)}` : `The link sent to ${who} on ${day(request.lastSentAt)} has expired`}
        </p>
        <p className="text-sm">
          {request.state === 'waiting'
            ? `The link works until ${day(request.expiresAt)}. You are emailed as soon as they sign or decline.`
            : 'Resend it for 7 more days, or cancel the signing link.'}
        </p>
        {request.sendCount > 1 && (
          <p role="status" data-testid="signature-request-resent" className="text-sm">
            Sent again on {dateTimeUtc(request.lastSentAt)} (sent {request.sendCount} times).
          </p>
        )}
        {children}
      </section>
    );
  }
  if (request.state === 'declined') {
    return (
      <section data-testid="signature-request" className="mb-6 rounded-md bg-red-50 px-4 py-3 text-red-950 ring-1 ring-red-300">
        <p className="font-medium">
          {who} declined to sign{request.declinedAt ? ` on ${day(request.declinedAt)}` : ''}.
        </p>
        <p className="text-sm">Reason: {request.declineReason}</p>
        {children}
      </section>
    );
  }
  return null;
}
