import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { getObjectBytes } from '@/lib/storage/s3';
import { defineEndpoint, namedRequest } from '../../endpoint';
import { activeSignature } from '../../resources/loa-resource';
import { requestIdParams } from '../params';

export const getLoaPdf = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/loa.pdf',
  operationId: 'getSignedLoaPdf',
  summary: 'Download the signed LOA',
  description: 'The signed letter with its certificate, as the carriers receive it. 404 while the letter is not signed (or its signature was voided by an edit).',
  tag: 'Letter of Authorization',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The signed PDF', contentType: 'application/pdf' } },
  async handle(context) {
    const { db, params } = context;
    const signature = await activeSignature(db, namedRequest(context).id);
    if (!signature) throw new NotFoundError('A signed Letter of Authorization');
    const bytes = await getObjectBytes(signature.pdfKey);
    return {
      status: 200,
      bytes: new Uint8Array(bytes),
      contentType: 'application/pdf',
      headers: { 'Content-Disposition': `attachment; filename="Letter of Authorization ${params.id.slice(0, 8)}.pdf"` },
    };
  },
});
