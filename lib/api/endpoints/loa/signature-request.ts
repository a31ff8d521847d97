import 'server-only';
import { resendLoaSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/resend';
import { revokeLoaSignatureRequest } from '@/lib/porting/wizard/loa/signature-request/revoke';
import { sendForSignatureSchema } from '@/lib/porting/wizard/loa/signature-request/schema';
import { sendLoaForSignature } from '@/lib/porting/wizard/loa/signature-request/send-for-signature';
import { defineEndpoint } from '../../endpoint';
import { signatureRequestResource, toSignatureRequestResource } from '../../resources/loa-resource';
import { requestIdParams } from '../params';

const sendBody = sendForSignatureSchema.meta({
  id: 'SendLoaForSignature',
  description: 'The person who signs for the business that owns the numbers; not necessarily a user of the platform.',
  example: { signerName: 'Dana Whitfield', signerEmail: 'dana@summitmarketing.example', signerTitle: 'Office Manager' },
});

export const sendForSignature = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/loa/signature-request',
  operationId: 'sendLoaForSignature',
  summary: 'Send the LOA for signature',
  description:
    '"Send for signature" on the LOA step: emails the signer a single-use link, valid 7 days, to read the letter and sign or decline it (they give their title when signing; signerTitle, if known, is suggested). Steps 2 to 6 must be done. Sending again replaces the link still out.',
  tag: 'Letter of Authorization',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: sendBody },
  responses: { 201: { description: 'The link sent', schema: signatureRequestResource } },
  async handle({ db, actor, params, body, now }) {
    return { status: 201, json: toSignatureRequestResource(await sendLoaForSignature(db, actor, params.id, body, now)) };
  },
});

export const resendSignatureRequest = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/loa/signature-request/resend',
  operationId: 'resendLoaSignatureRequest',
  summary: 'Email the signing link again',
  description: 'The same person, a fresh link valid 7 days; the previous link stops working.',
  tag: 'Letter of Authorization',
  scope: 'port_requests:write',
  params: requestIdParams,
  responses: { 200: { description: 'The link sent again', schema: signatureRequestResource } },
  async handle({ db, actor, params, now }) {
    return { status: 200, json: toSignatureRequestResource(await resendLoaSignatureRequest(db, actor, params.id, now)) };
  },
});

export const revokeSignatureRequest = defineEndpoint({
  method: 'DELETE',
  path: '/port-requests/{id}/loa/signature-request',
  operationId: 'revokeLoaSignatureRequest',
  summary: 'Revoke the signing link',
  description: 'The link sent for signature stops working.',
  tag: 'Letter of Authorization',
  scope: 'port_requests:write',
  params: requestIdParams,
  responses: { 204: { description: 'Revoked' } },
  problems: [409],
  async handle({ db, actor, params, now }) {
    await revokeLoaSignatureRequest(db, actor, params.id, now);
    return { status: 204 };
  },
});
