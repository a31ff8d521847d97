import 'server-only';
import { cookies } from 'next/headers';

const FLASH_COOKIE = 'flash';

/**
 * A one-line message for the page an action redirects to (forms without their own error state).
 * A short-lived cookie rather than a query string, so nobody can put words on our page with a link.
 */
export async function setFlash(kind: 'error' | 'ok', message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, JSON.stringify({ kind, message: message.slice(0, 400) }), {
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
    const parsed = JSON.parse(raw) as { kind: 'error' | 'ok'; message: string };
    return typeof parsed.message === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
