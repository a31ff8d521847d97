import 'server-only';
import { cookies, headers } from 'next/headers';

const FLASH_COOKIE = 'flash';

/**
 * A one-line message for the page an action redirects to (forms without their own error state).
 * A short-lived cookie rather than a query string, so nobody can put words on our page with a link.
 */
export async function setFlash(kind: 'error' | 'ok', message: string, forPath?: string): Promise<void> {
  // With the page it is for: the cookie lives 15 s, and a quick click elsewhere must not show it there.
  (await cookies()).set(FLASH_COOKIE, JSON.stringify({ kind, message: message.slice(0, 400), path: forPath }), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 15,
  });
}

export async function readFlash(): Promise<{ kind: 'error' | 'ok'; message: string } | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { kind: 'error' | 'ok'; message: string; path?: string };
    if (typeof parsed.message !== 'string') return null;
    if (parsed.path && parsed.path !== (await headers()).get('x-pathname')) return null;
    return { kind: parsed.kind, message: parsed.message };
  } catch {
    return null;
  }
}
