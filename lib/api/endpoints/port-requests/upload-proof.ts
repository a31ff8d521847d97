import 'server-only';
import { z } from 'zod';
import { checkProofFile, PROOF_ACCEPTED } from '@/lib/porting/proof/detect-proof-type';
import { PROOF_MAX_BYTES, PROOF_MAX_FILES, proofSelectionProblems } from '@/lib/porting/proof/proof-limits';
import { uploadProofFiles } from '@/lib/porting/submission/upload-proof';
import { defineEndpoint } from '../../endpoint';
import { ApiProblem } from '../../problem';
import { portRequestResource } from '../../resources/port-request-resource';
import { requestIdParams } from '../params';
import { portRequestReply } from '../reply';

const proofForm = z
  .object({
    files: z.array(z.string().meta({ format: 'binary' })).meta({
      description: `One or more files (repeat the part): ${PROOF_ACCEPTED}, at most ${PROOF_MAX_BYTES / 1024 / 1024} MB each and ${PROOF_MAX_FILES} per call.`,
    }),
  })
  .meta({ id: 'ProofUpload' });

const REFUSED = 'Some files cannot be used as proof.';

export const uploadProof = defineEndpoint({
  method: 'POST',
  path: '/port-requests/{id}/proof',
  operationId: 'uploadProof',
  summary: 'Upload proof of ownership',
  description:
    'Step 8 without sending: adds a bill or a screenshot that shows the account holder owns the numbers, checked by its content as in the wizard. Send the request afterwards with POST /port-requests/{id}/submit.',
  tag: 'Wizard steps',
  scope: 'port_requests:write',
  params: requestIdParams,
  body: { kind: 'multipart', schema: proofForm },
  responses: { 201: { description: 'The request, with its proof files', schema: portRequestResource } },
  async handle({ db, actor, params, form }) {
    const files = (form?.getAll('files') ?? []).filter((f): f is File => f instanceof File && !(f.size === 0 && (f.name === '' || f.name === 'undefined')));
    if (files.length === 0) throw new ApiProblem('validation', REFUSED, { errors: { files: ['Add a bill or a screenshot that shows you own the numbers.'] } });
    // The proof step's checks, in its order: count and size, then each file's content.
    const tooMuch = proofSelectionProblems(files);
    if (tooMuch.length) throw new ApiProblem('validation', REFUSED, { errors: { files: tooMuch } });
    const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const refused = uploads.flatMap((u) => {
      const result = checkProofFile({ name: u.name, size: u.bytes.byteLength, bytes: u.bytes });
      return result.ok ? [] : [result.message];
    });
    if (refused.length) throw new ApiProblem('validation', REFUSED, { errors: { files: refused } });
    await uploadProofFiles(db, actor, params.id, uploads);
    return portRequestReply(db, actor, params.id, 201);
  },
});
