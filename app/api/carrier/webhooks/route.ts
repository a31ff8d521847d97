import { CarrierSignatureError } from '@/lib/carrier/porting-carrier';
import { getDb } from '@/lib/db';
import { logFailure } from '@/lib/log';
import { receiveCarrierWebhook } from '@/lib/porting/carrier/receive-carrier-webhook';

// The upstream carrier's webhooks. Thin: the raw body (the signature covers it byte for byte) and
// the headers go to the service. 200 once recorded (a replay too); 401 for a bad signature; 503
// when it could not be recorded, so the carrier sends it again.
export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  const headers = Object.fromEntries(request.headers.entries());
  try {
    const outcome = await receiveCarrierWebhook(await getDb(), body, headers);
    return Response.json({ outcome }, { status: 200 });
  } catch (error) {
    if (error instanceof CarrierSignatureError) {
      logFailure('carrier webhook: refused, bad signature', error);
      return Response.json({ error: 'invalid signature' }, { status: 401 });
    }
    logFailure('carrier webhook: not recorded, the carrier will retry', error);
    return Response.json({ error: 'not recorded, try again' }, { status: 503 });
  }
}
