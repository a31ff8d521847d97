import 'server-only';
import type { ApiEndpoint } from '../endpoint';
import { getLoa } from './loa/get-loa';
import { getLoaPdf } from './loa/get-loa-pdf';
import { resendSignatureRequest, revokeSignatureRequest, sendForSignature } from './loa/signature-request';
import { addNote } from './notes/add-note';
import { listNotes } from './notes/list-notes';
import { addNumbers } from './numbers/add-numbers';
import { getAlternateRouting, saveAlternateRouting } from './numbers/alternate-routing';
import { checkNumbers } from './numbers/check-numbers';
import { completeNumbers } from './numbers/complete-numbers';
import { dismissLinesToFix, listLinesToFix } from './numbers/lines-to-fix';
import { removeNumber } from './numbers/remove-number';
import { acceptAgreement } from './port-requests/accept-agreement';
import { cancelPortRequest } from './port-requests/cancel-port-request';
import { createPortRequest } from './port-requests/create-port-request';
import { discardPortRequest } from './port-requests/discard-port-request';
import { getPortRequest } from './port-requests/get-port-request';
import { listEvents } from './port-requests/list-events';
import { listPortRequests } from './port-requests/list-port-requests';
import { saveAddress } from './port-requests/save-address';
import { saveCarrier } from './port-requests/save-carrier';
import { saveCustomer } from './port-requests/save-customer';
import { submitPortRequest } from './port-requests/submit-port-request';
import { uploadProof } from './port-requests/upload-proof';
import { addRecipient } from './recipients/add-recipient';
import { listRecipients } from './recipients/list-recipients';
import { removeRecipient } from './recipients/remove-recipient';

// Every operation of /api/v1: the router serves these and the OpenAPI document describes these,
// from the same objects. In the order of the wizard, as the reference lists them.
export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  listPortRequests,
  createPortRequest,
  getPortRequest,
  discardPortRequest,
  saveCarrier,
  addNumbers,
  checkNumbers,
  removeNumber,
  getAlternateRouting,
  saveAlternateRouting,
  listLinesToFix,
  dismissLinesToFix,
  completeNumbers,
  saveCustomer,
  saveAddress,
  acceptAgreement,
  getLoa,
  getLoaPdf,
  sendForSignature,
  resendSignatureRequest,
  revokeSignatureRequest,
  uploadProof,
  submitPortRequest,
  cancelPortRequest,
  listEvents,
  listNotes,
  addNote,
  listRecipients,
  addRecipient,
  removeRecipient,
];
