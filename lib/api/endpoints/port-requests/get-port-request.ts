import 'server-only';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource, toPortRequestResource } from '../../resources/port-request-resource';
import { requestIdParams } from '../params';

export const getPortRequest = defineEndpoint({
  method: 'GET',
  path: '/port-requests/{id}',
  operationId: 'getPortRequest',
  summary: 'Get a port request',
  description: 'The request with each number and its status, the LOA, proof files, open change reasons and the timeline (as the request page shows them).',
  tag: 'Port requests',
  scope: 'port_requests:read',
  params: requestIdParams,
  responses: { 200: { description: 'The port request', schema: portRequestResource } },
  problems: [404],
  async handle({ db, actor, params }) {
    return { status: 200, json: toPortRequestResource(await getPortRequestDetail(db, actor, params.id)) };
  },
});
