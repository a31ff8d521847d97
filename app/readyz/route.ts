import { checkReadiness } from '@/lib/ops/readiness';

// Readiness for a load balancer: 200 while this instance can serve, 503 naming what is down. Open to
// anyone (balancers send no credentials); it says up or down per part and nothing more.
export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, stopping, checks } = await checkReadiness();
  return Response.json({ status: ready ? 'ready' : stopping ? 'stopping' : 'not ready', checks }, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
