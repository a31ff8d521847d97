import 'server-only';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { requestIdParams } from '../params';
import { portRequestReply } from '../reply';

export const completeNumbers = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/numbers/complete',
  operationId: 'completeNumbersStep',
  summary: 'Complete the numbers step',
  description:
    '"Save and continue" on the numbers step: at least one number, a new route for every tracking number that rings a number being ported (PUT /port-requests/{id}/alternate-routing), and no line kept to fix from the console (GET /port-requests/{id}/lines-to-fix).',
  tag: 'Numbers',
  scope: 'port_requests:write',
  params: requestIdParams,
  responses: { 200: { description: 'The request, with numbers among its completedSteps', schema: portRequestResource } },
  async handle({ db, actor, params, now }) {
    await completeNumbersStep(db, actor, params.id, now);
    return portRequestReply(db, actor, params.id);
  },
});
