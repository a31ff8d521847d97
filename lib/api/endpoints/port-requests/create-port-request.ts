import 'server-only';
import { canUseAccount } from '@/lib/auth/actor';
import { logFailure } from '@/lib/log';
import { saveAddressStep } from '@/lib/porting/wizard/address';
import { saveCarrierStep } from '@/lib/porting/wizard/carrier';
import { createPortRequestDraft } from '@/lib/porting/wizard/create-draft';
import { saveCustomerStep } from '@/lib/porting/wizard/customer';
import { discardDraft } from '@/lib/porting/wizard/discard-draft';
import { defineEndpoint } from '../../endpoint';
import { portRequestResource } from '../../resources/port-request-resource';
import { createDraftBody } from '../../resources/step-bodies';
import { fieldProblem, portRequestReply, resourceUrl } from '../reply';

export const createPortRequest = defineEndpoint({
  method: 'POST',
  path: '/port-requests',
  operationId: 'createPortRequest',
  summary: 'Create a draft port request',
  description:
    '"Create Port Request": a draft in the account given (default the key\'s), and optionally the carrier, customer and address steps at once, saved in the wizard\'s order through the same services. Everything is checked first; if a step is refused once the draft exists, the draft is discarded and the refusal answered, so no half-made request is left. A draft nobody changes for 30 days is removed (its followers are emailed 7 days before); any step saved keeps it.',
  tag: 'Port requests',
  scope: 'port_requests:write',
  body: { kind: 'json', schema: createDraftBody },
  responses: { 201: { description: 'The draft; Location names it', schema: portRequestResource } },
  async handle({ db, actor, key, body, now }) {
    const accountId = body.accountId ?? key.accountId;
    if (!canUseAccount(actor, accountId)) throw fieldProblem('accountId', 'Use the id of your account or one of its sub-accounts.');
    const id = await createPortRequestDraft(db, actor, accountId);
    try {
      if (body.carrier) await saveCarrierStep(db, actor, id, body.carrier, now);
      if (body.customer) await saveCustomerStep(db, actor, id, body.customer, now);
      if (body.address) await saveAddressStep(db, actor, id, body.address, now);
    } catch (error) {
      // All or nothing: the draft goes with the refusal (or failure) of a later step.
      await discardDraft(db, actor, id).catch((cleanup) => logFailure('api create draft cleanup', cleanup));
      throw error;
    }
    return portRequestReply(db, actor, id, 201, { Location: resourceUrl(`/port-requests/${id}`) });
  },
});
