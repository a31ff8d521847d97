import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { portRequestNumbers } from '@/db/schema';
import { PLATFORM_NAME } from '@/lib/brand';
import type { LoaDocument } from '../loa/loa-document';
import type { PortRequest } from '../port-request-access';

/** The LOA as it stands for a request: what the page shows and what a signature covers. */
export async function buildLoaDocument(
  db: Queryable,
  request: Omit<PortRequest, 'accountPinCiphertext'>,
  signer: { name: string; email: string },
  date: Date = new Date(),
): Promise<LoaDocument> {
  const numbers = await db
    .select({ number: portRequestNumbers.number, receivingNumber: portRequestNumbers.receivingNumber })
    .from(portRequestNumbers)
    .where(eq(portRequestNumbers.portRequestId, request.id))
    .orderBy(asc(portRequestNumbers.position));
  return {
    requestId: request.id,
    accountHolder: request.customerName ?? '',
    billingAddress: request.billingAddress ?? { street: '', city: '', region: '', postalCode: '', country: 'US' },
    losingCarrier: request.losingCarrier ?? '',
    accountNumber: request.carrierAccountNumber ?? '',
    portType: request.portType ?? 'full',
    btn: request.billingTelephoneNumber ?? undefined,
    numbers,
    authorizedPerson: signer,
    date: date.toISOString().slice(0, 10),
    serviceProvider: PLATFORM_NAME,
  };
}
