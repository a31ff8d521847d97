import 'server-only';
import type { PortRequest } from '../../port-request-access';
import type { LoaDocument } from './loa-document';

/** The request as it was signed, for the evidence file. The PIN is left out by construction. */
export function requestSnapshot(request: PortRequest, document: LoaDocument, contentSha256: string, capturedAt: Date = new Date()) {
  return {
    requestId: request.id,
    accountId: request.accountId,
    capturedAt: capturedAt.toISOString(),
    contentSha256,
    losingCarrier: request.losingCarrier,
    requestedPortDate: request.requestedPortDate,
    customerName: request.customerName,
    carrierAccountNumber: request.carrierAccountNumber,
    accountPin: request.accountPinCiphertext ? 'on file (not included)' : 'missing',
    portType: request.portType,
    billingTelephoneNumber: request.billingTelephoneNumber,
    btnIsPorting: request.btnIsPorting,
    billingAddress: request.billingAddress,
    serviceAddress: request.serviceAddress,
    agreementAcceptedAt: request.agreementAcceptedAt,
    loa: document,
  };
}
