import { getApiDocument } from '@/lib/api/openapi/api-document';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(getApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
