import 'server-only';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { addressBody } from '../../resources/step-bodies';
import { requestIdParams } from '../params';
import { portRequestReply } from '../reply';

export const saveAddress = defineEndpoint({
  method: 'PUT',
  path: '/port-requests/{id}/address',
  operationId: 'saveAddressStep',
  summary: 'Save the billing address step',
  description:
    'Step 5 of the wizard: the billing address exactly as on the phone bill, and serviceAddress, where the lines are installed, when it is not the same (never a PO box). Changing either after the LOA was signed voids the signature.',
  tag: 'Wizard steps',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: addressBody },
  responses: { 200: { description: 'The request, saved', schema: portRequestResource } },
  problems: [409],
  async handle({ db, actor, params, body, now }) {
    await saveAddressStep(db, actor, params.id, body, now);
    return portRequestReply(db, actor, params.id);
  },
});
