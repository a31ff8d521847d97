import 'server-only';
import { defineEndpoint, namedRequest } from '../../endpoint';
import { getLoa as readLoa, loaResource } from '../../resources/loa-resource';
import { requestIdParams } from '../params';

export const getLoa = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}/loa',
  operationId: 'getLoa',
  summary: 'Get the Letter of Authorization',
  description: 'The letter\'s text and fields as its signer reads them, its SHA-256, the signature that covers it (if any) and the latest link sent for signature.',
  tag: 'Letter of Authorization',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The letter', schema: loaResource } },
  async handle(context) {
    return { status: 200, json: await readLoa(context.db, context.actor, namedRequest(context), context.now) };
  },
});
