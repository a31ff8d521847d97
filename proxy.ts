import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/config/env';
import { securityHeaders } from '@/lib/security/security-headers';

// Security headers with a fresh CSP nonce for every request, and the path for server components
// (the account switcher returns the user to it). Authorization is not done here: every page and
// action checks the session itself.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({
    nonce,
    https: getEnv().appUrl.startsWith('https://'),
    development: process.env.NODE_ENV !== 'production',
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

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
