import 'server-only';
import { cancelPortRequest as cancel, cancelSchema } from '@/lib/porting/cancel-port-request';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { requestIdParams } from '../params';
import { portRequestReply } from '../reply';

const cancelBody = cancelSchema.meta({
  id: 'CancelPortRequest',
  description: 'version: the request\'s version as you last read it (a request that changed since is refused with 409); reason: optional, for our team.',
  example: { version: 3, reason: 'The customer is staying with their carrier.' },
});

export const cancelPortRequest = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/cancel',
  operationId: 'cancelPortRequest',
  summary: 'Cancel a port request',
  description: '"Cancel request", with the same rules: not once a number has ported, nor within 48 hours of the scheduled port.',
  tag: 'Port requests',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: cancelBody },
  responses: { 200: { description: 'The request, cancelled', schema: portRequestResource } },
  async handle({ db, actor, params, body, now }) {
    await cancel(db, actor, params.id, body, now);
    return portRequestReply(db, actor, params.id);
  },
});
