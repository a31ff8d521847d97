import 'server-only';
import { cookies, headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { ResponseCookies } from 'next/dist/server/web/spec-extension/cookies';
import { getEnv } from '@/lib/config/env';
import { safeCallbackPath } from './callback-path';
import { handlers } from './next-auth';

export type SignInLink = { email: string; token: string; callbackUrl?: string };

/**
 * The confirmation page's "Sign in": hands the link to Auth.js's email callback in-process (it
 * checks and spends the token and starts the session), copies the session cookie it sets onto this
 * response, and says where to go next: a path on this site, or the sign-in page when the link no
 * longer works. The request is built on APP_URL; the caller's cookies go along so a session of
 * someone else in this browser is ended, not left behind.
 */
export async function completeSignIn(link: SignInLink): Promise<string> {
  const url = new URL('/api/auth/callback/email', getEnv().appUrl);
  url.search = new URLSearchParams({ email: link.email, token: link.token, callbackUrl: safeCallbackPath(link.callbackUrl) }).toString();
  const cookie = (await headers()).get('cookie');
  const response = await handlers.GET(new NextRequest(url, { headers: cookie ? { cookie } : {} }));
  const jar = await cookies();
  for (const set of new ResponseCookies(response.headers).getAll()) jar.set(set);
  const location = new URL(response.headers.get('location') ?? '/', url);
  if (location.pathname === '/sign-in' || location.searchParams.has('error')) return '/sign-in?error=link';
  return safeCallbackPath(`${location.pathname}${location.search}`);
}
