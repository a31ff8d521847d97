import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, alternateRoutings, loaSignatures, portRequestNumbers, portRequests, proofFiles, trackingNumbers, trackingSources, type ReviewSnapshot } from '@/db/schema';
import { formatPhoneNumber } from '@/lib/phone/format';
import { formatBillingAddress } from '../wizard/loa/loa-document';

export type { ReviewSnapshot };

/** The request as the team reads it now, to keep with a request for changes (see ReviewSnapshot). */
export async function takeReviewSnapshot(db: Queryable, requestId: string): Promise<ReviewSnapshot> {
  const [[request], numbers, routing, proof, [letter]] = await Promise.all([
    db.select().from(portRequests).where(eq(portRequests.id, requestId)),
    db
      .select({ number: portRequestNumbers.number, receivingNumber: portRequestNumbers.receivingNumber, source: trackingSources.name, account: accounts.name })
      .from(portRequestNumbers)
      .innerJoin(accounts, eq(accounts.id, portRequestNumbers.targetAccountId))
      .leftJoin(trackingSources, eq(trackingSources.id, portRequestNumbers.trackingSourceId))
      .where(eq(portRequestNumbers.portRequestId, requestId))
      .orderBy(asc(portRequestNumbers.position)),
    db
      .select({ trackingNumber: trackingNumbers.number, to: alternateRoutings.newReceivingNumber })
      .from(alternateRoutings)
      .innerJoin(trackingNumbers, eq(trackingNumbers.id, alternateRoutings.trackingNumberId))
      .where(eq(alternateRoutings.portRequestId, requestId))
      .orderBy(asc(trackingNumbers.number)),
    db.select({ filename: proofFiles.filename, sha256: proofFiles.sha256 }).from(proofFiles).where(eq(proofFiles.portRequestId, requestId)).orderBy(asc(proofFiles.uploadedAt)),
    db
      .select({ signerName: loaSignatures.signerName, contentSha256: loaSignatures.contentSha256 })
      .from(loaSignatures)
      .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
      .orderBy(desc(loaSignatures.signedAt))
      .limit(1),
  ]);
  const r = request;
  const fields: Record<string, string> = {
    'Losing carrier': r.losingCarrier ?? '—',
    'Requested date': r.requestedPortDate ?? '—',
    'Customer Name': r.customerName ?? '—',
    'Account number': r.carrierAccountNumber ?? '—',
    'Account PIN': r.accountPinCiphertext ? 'on file' : 'none',
    'Port type': r.portType ?? '—',
    'Billing telephone number': r.billingTelephoneNumber ? `${formatPhoneNumber(r.billingTelephoneNumber)}${r.btnIsPorting ? ' (porting)' : ''}` : '—',
    'Billing address': r.billingAddress ? formatBillingAddress(r.billingAddress) : '—',
    'Service address': r.serviceAddress ? formatBillingAddress(r.serviceAddress) : 'Same as billing address',
  };
  return {
    fields,
    numbers: Object.fromEntries(numbers.map((n) => [formatPhoneNumber(n.number), `rings ${formatPhoneNumber(n.receivingNumber)} · ${n.source ?? 'no source'} · ${n.account}`])),
    routing: Object.fromEntries(routing.map((x) => [formatPhoneNumber(x.trackingNumber), formatPhoneNumber(x.to)])),
    files: Object.fromEntries([
      ...proof.map((p) => [`Proof: ${p.filename}`, `SHA-256 ${p.sha256.slice(0, 12)}`]),
      ...(letter ? [['Signed LOA', `by ${letter.signerName}, SHA-256 ${letter.contentSha256.slice(0, 12)}`]] : []),
    ]),
    pinMark: r.accountPinCiphertext ? createHash('sha256').update(r.accountPinCiphertext).digest('hex').slice(0, 16) : null,
  };
}
