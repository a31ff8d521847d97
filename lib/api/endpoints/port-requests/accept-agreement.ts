import 'server-only';
import { saveAgreementStep } from '@/lib/porting/wizard/agreement';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { agreementBody } from '../../resources/step-bodies';
import { requestIdParams } from '../params';
import { portRequestReply } from '../reply';

export const acceptAgreement = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/agreement',
  operationId: 'acceptAgreement',
  summary: 'Accept the agreement step',
  description: 'Step 6 of the wizard: every statement must be confirmed.',
  tag: 'Wizard steps',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'json', schema: agreementBody },
  responses: { 200: { description: 'The request, with agreementAcceptedAt', schema: portRequestResource } },
  async handle({ db, actor, params, now }) {
    await saveAgreementStep(db, actor, params.id, now);
    return portRequestReply(db, actor, params.id);
  },
});
