import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { loaSignatures, proofFiles } from '@/db/schema';
import type { CarrierDocument, CarrierOrderInput } from '@/lib/carrier/porting-carrier';
import { getEnv } from '@/lib/config/env';
import { decryptPin } from '@/lib/crypto/pin';
import { getObjectBytes } from '@/lib/storage/s3';
import { StateError } from '@/lib/errors';
import type { PortRequest } from '../port-request-access';

/** The request as the carrier's order carries it: the wizard's answers, the signed LOA and the bill. */
export async function buildOrderInput(db: Queryable, request: PortRequest, order: { id: string; numbers: string[] }): Promise<CarrierOrderInput> {
  const signature = await latestSignature(db, request.id);
  const [proof] = await db.select().from(proofFiles).where(eq(proofFiles.portRequestId, request.id)).orderBy(asc(proofFiles.uploadedAt)).limit(1);
  const address = request.serviceAddress ?? request.billingAddress;
  if (!signature || !proof || !address || !request.customerName || !request.carrierAccountNumber || !request.portType) {
    throw new StateError('The request lacks what the carrier needs (signed LOA, proof, address, customer details).');
  }
  return {
    reference: order.id,
    portRequestId: request.id,
    numbers: order.numbers,
    accountHolder: request.customerName,
    accountNumber: request.carrierAccountNumber,
    // In clear only here, on its way to the carrier adapter.
    pin: request.accountPinCiphertext ? decryptPin(request.accountPinCiphertext, getEnv().pinEncryptionKey) : undefined,
    billingTelephoneNumber: request.billingTelephoneNumber ?? undefined,
    portType: request.portType,
    serviceAddress: address,
    authorizedPerson: { name: signature.signerName, ...(signature.signerTitle ? { title: signature.signerTitle } : {}) },
    requestedFocAt: request.requestedPortDate ? `${request.requestedPortDate}T15:00:00.000Z` : undefined,
    loa: await loaDocument(signature),
    invoice: { filename: proof.filename, contentType: proof.contentType, bytes: await getObjectBytes(proof.storageKey) },
    enableMessaging: true,
  };
}

/** The signature in force (the latest not voided), if any. */
export async function latestSignature(db: Queryable, requestId: string) {
  const [signature] = await db
    .select()
    .from(loaSignatures)
    .where(and(eq(loaSignatures.portRequestId, requestId), isNull(loaSignatures.voidedAt)))
    .orderBy(desc(loaSignatures.signedAt))
    .limit(1);
  return signature;
}

export async function loaDocument(signature: { pdfKey: string }): Promise<CarrierDocument> {
  return { filename: 'letter-of-authorization.pdf', contentType: 'application/pdf', bytes: await getObjectBytes(signature.pdfKey) };
}
