import 'server-only';
import { saveCustomerForm } from '@/lib/porting/wizard/customer';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { customerBody, customerFormValues } from '../../resources/step-bodies';
import { requestIdParams } from '../params';
import { portRequestReply, throwIfInvalid } from '../reply';

export const saveCustomer = defineEndpoint({
  method: 'PUT',
  path: '/port-requests/{id}/customer',
  operationId: 'saveCustomerStep',
  summary: 'Save the customer name and PIN step',
  description:
    'Step 4 of the wizard. The PIN is stored encrypted and never returned; leave accountPin out to keep the one on file (unless a new one was asked for).',
  tag: 'Wizard steps',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: customerBody },
  responses: { 200: { description: 'The request, saved', schema: portRequestResource } },
  problems: [409],
  async handle({ db, actor, params, body, now }) {
    // The form's own save: it knows whether a PIN is on file, and checks again with that.
    throwIfInvalid(await saveCustomerForm(db, actor, params.id, customerFormValues(body), now));
    return portRequestReply(db, actor, params.id);
  },
});
