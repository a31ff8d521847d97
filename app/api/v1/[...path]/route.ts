import { handleApiRequest } from '@/lib/api/handle-api-request';

// Every /api/v1 operation enters here and is routed by lib/api: one door (authentication, scopes,
// rate limit, idempotency, problem details) for all of them.
export const dynamic = 'force-dynamic';

const handler = (request: Request) => handleApiRequest(request);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
