import { CarrierSignatureError, isCarrierSignatureError } from '@/lib/carrier/porting-carrier';
import { getDb } from '@/lib/db';
import { logFailure } from '@/lib/log';
import { receiveCarrierWebhook } from '@/lib/porting/carrier/receive-carrier-webhook';

// The upstream carrier's webhooks. Thin: the raw body (the signature covers it byte for byte) and
// the headers go to the service. 200 once recorded (a replay too); 401 for a bad signature; 503
// when it could not be recorded, so the carrier sends it again.
// A carrier's webhook is a few kilobytes; anything far larger is not one (refused before it is read).
const MAX_BODY_BYTES = 256 * 1024;

export async function POST(request: Request): Promise<Response> {
  if (!request.headers.get('telnyx-signature-ed25519') || !request.headers.get('telnyx-timestamp')) {
    logFailure('carrier webhook: refused, bad signature', new CarrierSignatureError('no Telnyx signature headers'));
    return Response.json({ error: 'invalid signature' }, { status: 401 });
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return Response.json({ error: 'too large' }, { status: 413 });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return Response.json({ error: 'too large' }, { status: 413 });
  const headers = Object.fromEntries(request.headers.entries());
  try {
    const outcome = await receiveCarrierWebhook(await getDb(), body, headers);
    return Response.json({ outcome }, { status: 200 });
  } catch (error) {
    if (isCarrierSignatureError(error)) {
      logFailure('carrier webhook: refused, bad signature', error);
      return Response.json({ error: 'invalid signature' }, { status: 401 });
    }
    logFailure('carrier webhook: not recorded, the carrier will retry', error);
    return Response.json({ error: 'not recorded, try again' }, { status: 503 });
  }
}
