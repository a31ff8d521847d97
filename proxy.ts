import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/config/env';
import { UPLOAD_BODY_LIMIT_BYTES } from '@/lib/porting/proof/proof-limits';
import { isCrossSitePost } from '@/lib/security/cross-site-post';
import { securityHeaders } from '@/lib/security/security-headers';

// Security headers with a fresh CSP nonce for every request, and the path for server components
// (the account switcher returns the user to it). Authorization is not done here: every page and
// action checks the session itself.
export function proxy(request: NextRequest) {
  if (isCrossSitePost(request, getEnv().appUrl)) {
    return new NextResponse('This form can only be sent from the Port Numbers site itself. Open the page there and try again.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const tooLarge = refuseTooLargePost(request);
  if (tooLarge) return tooLarge;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({
    nonce,
    https: getEnv().appUrl.startsWith('https://'),
    development: process.env.NODE_ENV !== 'production',
    framable: PROOF_PREVIEW.test(request.nextUrl.pathname),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-pathname', request.nextUrl.pathname);
  requestHeaders.set('x-nonce', nonce);
  // Next reads the policy from the request to put the nonce on its own scripts.
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// app/staff/requests/[id]/proof/[fileId]: the team's in-place view of a proof PDF.
const PROOF_PREVIEW = /^\/staff\/requests\/[^/]+\/proof\/[^/]+$/;

/**
 * A post larger than any form takes would fail inside Next with a bare error page. It is answered
 * here instead: without JavaScript, back to the page with a message (the proof step shows it); a
 * script's call gets 413 (the form checks sizes before sending, so this is a crafted request).
 */
function refuseTooLargePost(request: NextRequest): NextResponse | undefined {
  if (request.method !== 'POST' || Number(request.headers.get('content-length') ?? 0) <= UPLOAD_BODY_LIMIT_BYTES) return undefined;
  if (request.headers.has('next-action')) return new NextResponse('Too large', { status: 413 });
  // A script's API call gets the API's own answer (problem details), not a page redirect.
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const problem = { type: `${getEnv().appUrl}/api/v1/docs#problem-payload-too-large`, title: 'The body is too large', status: 413 };
    return NextResponse.json(problem, { status: 413, headers: { 'Content-Type': 'application/problem+json' } });
  }
  // On APP_URL, not on the request's Host.
  const back = new URL(`${request.nextUrl.pathname}?upload=too-large`, getEnv().appUrl);
  return NextResponse.redirect(back, 303);
}

// Static files and the image optimiser skip the proxy; each exclusion names a whole path segment,
// so "/favicon.icox" or "/_next/staticx" do not slip past it.
export const config = { matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'] };
