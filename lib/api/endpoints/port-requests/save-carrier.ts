import 'server-only';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { carrierBody } from '../../resources/step-bodies';
import { requestIdParams } from '../params';
import { portRequestReply } from '../reply';

export const saveCarrier = defineEndpoint({
  method: 'PUT',
  path: '/port-requests/{id}/carrier',
  operationId: 'saveCarrierStep',
  summary: 'Save the current carrier step',
  description: 'Step 2 of the wizard: the carrier the numbers are with today, and the port date wanted. A change to the carrier voids a signed LOA, as in the wizard.',
  tag: 'Wizard steps',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: carrierBody },
  responses: { 200: { description: 'The request, saved', schema: portRequestResource } },
  problems: [409],
  async handle({ db, actor, params, body, now }) {
    await saveCarrierStep(db, actor, params.id, body, now);
    return portRequestReply(db, actor, params.id);
  },
});
