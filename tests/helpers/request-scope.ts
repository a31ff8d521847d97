import type { Actor } from '@/lib/auth/actor';

/**
 * Server actions called straight from a test, as a form post would call them, without a browser
 * or a Next server. What Next gives an action from the request is stood in for here, and nothing
 * else: the action, lib/auth/session.ts (requireAccountUser, requireStaff, getActor), the services
 * and the database are the real ones.
 *
 * - the session: Auth.js's auth() (lib/auth/next-auth) answers with the user signed in by
 *   signInAs(actor), or none (signInAs(null));
 * - next/headers: cookies() is a jar kept for the test (the current-account and flash cookies),
 *   headers() the request headers set in `requestScope.headers`;
 * - next/cache: revalidatePath/revalidateTag record the paths (outside a request Next refuses them).
 * next/navigation is not stood in for: redirect() and notFound() throw Next's own errors, which
 * expectRedirect() and expectNotFound() read.
 *
 * A test file wires them with three lines before its imports take effect (jest hoists them):
 *
 *   jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
 *   jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
 *   jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);
 *
 * and calls setupRequestScope() once, which starts every test signed out with no cookies.
 * No production file knows about any of this.
 */
type CookieOptions = Record<string, unknown>;

export const requestScope = {
  userId: null as string | null,
  cookies: new Map<string, { value: string; options?: CookieOptions }>(),
  headers: new Headers(),
  revalidated: [] as string[],
};

export function signInAs(actor: Actor | null): void {
  requestScope.userId = actor?.userId ?? null;
}

export function resetRequestScope(): void {
  requestScope.userId = null;
  requestScope.cookies.clear();
  requestScope.headers = new Headers();
  requestScope.revalidated.length = 0;
}

/** Call once at the top of an action test file: each test starts signed out, with no cookies. */
export function setupRequestScope(): typeof requestScope {
  beforeEach(resetRequestScope);
  return requestScope;
}

const cookieJar = {
  get(name: string) {
    const cookie = requestScope.cookies.get(name);
    return cookie ? { name, value: cookie.value } : undefined;
  },
  getAll() {
    return [...requestScope.cookies].map(([name, { value }]) => ({ name, value }));
  },
  has(name: string) {
    return requestScope.cookies.has(name);
  },
  set(name: string, value: string, options?: CookieOptions) {
    requestScope.cookies.set(name, { value, options });
    return cookieJar;
  },
  delete(name: string) {
    requestScope.cookies.delete(name);
    return cookieJar;
  },
};

export const nextAuthStub = {
  auth: async () => (requestScope.userId ? { user: { id: requestScope.userId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
  signOut: async () => {
    requestScope.userId = null;
  },
  handlers: {},
};

export const nextHeadersStub = {
  cookies: async () => cookieJar,
  headers: async () => requestScope.headers,
};

export const nextCacheStub = {
  revalidatePath: (path: string) => {
    requestScope.revalidated.push(path);
  },
  revalidateTag: (tag: string) => {
    requestScope.revalidated.push(`tag:${tag}`);
  },
};

/** A form as the browser posts it: repeated keys for arrays, files as File. */
export function formData(fields: Record<string, string | number | string[] | File | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => data.append(key, v));
    else if (value instanceof File) data.append(key, value);
    else data.append(key, String(value));
  }
  return data;
}

type NextError = Error & { digest?: string };

async function thrownBy(action: () => Promise<unknown>): Promise<NextError> {
  try {
    const value = await action();
    throw Object.assign(new Error(`expected the action to throw, it returned ${JSON.stringify(value)}`), { digest: 'RETURNED' });
  } catch (error) {
    return error as NextError;
  }
}

/** The action ended with redirect(): returns where to (Next's NEXT_REDIRECT;type;url;status digest). */
export async function redirectOf(action: () => Promise<unknown>): Promise<string> {
  const error = await thrownBy(action);
  const m = /^NEXT_REDIRECT;[^;]*;(.*);\d{3};?$/.exec(error.digest ?? '');
  if (!m) throw error;
  return m[1];
}

export async function expectRedirect(action: () => Promise<unknown>, target: string): Promise<void> {
  expect(await redirectOf(action)).toBe(target);
}

/** The action ended with notFound(): the plain 404 (NEXT_HTTP_ERROR_FALLBACK;404). */
export async function expectNotFound(action: () => Promise<unknown>): Promise<void> {
  const error = await thrownBy(action);
  if (error.digest !== 'NEXT_HTTP_ERROR_FALLBACK;404') throw error;
}
