import 'server-only';
import type { Queryable } from '@/db/client';
import { PLATFORM_NAME } from '@/lib/brand';
import type { PortRequest } from '../../port-request-access';
import { addressLoaFields } from '../address';
import { carrierLoaFields } from '../carrier';
import { customerLoaFields } from '../customer';
import { numbersLoaFields, numbersOnLetter } from '../numbers/loa-fields';
import type { LoaDocument } from './loa-document';
import type { SignedContent } from './voids-signature';

type LetterRequest = Omit<PortRequest, 'accountPinCiphertext'>;

/**
 * What the letter says about the request, made of each step's LOA fields: the content a signature
 * covers (voidsSignature compares it before and after an edit).
 */
export function signedContent(request: LetterRequest, numbers: Parameters<typeof numbersLoaFields>[0]): SignedContent {
  const { accountHolder, accountNumber, portType, btn } = customerLoaFields(request);
  const { billingAddress, serviceAddress } = addressLoaFields(request);
  const { losingCarrier } = carrierLoaFields(request);
  return { accountHolder, billingAddress, serviceAddress, losingCarrier, accountNumber, portType, btn, ...numbersLoaFields(numbers) };
}

/** The LOA as it stands for a request: what the page shows and what a signature covers. */
export async function buildLoaDocument(
  db: Queryable,
  request: LetterRequest,
  /** The authorized person; `title` once they have given it (signing, or the sender's word for a link). */
  signer: { name: string; email: string; title?: string | null },
  date: Date = new Date(),
): Promise<LoaDocument> {
  return {
    requestId: request.id,
    reference: request.reference,
    ...signedContent(request, await numbersOnLetter(db, request.id)),
    authorizedPerson: { name: signer.name, email: signer.email, ...(signer.title ? { title: signer.title } : {}) },
    date: date.toISOString().slice(0, 10),
    serviceProvider: PLATFORM_NAME,
  };
}
