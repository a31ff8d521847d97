// Liveness for a load balancer or orchestrator: the process answers. Touches nothing else, so a
// database outage does not get healthy instances restarted (that is /readyz's job).
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
