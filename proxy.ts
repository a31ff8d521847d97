import { NextResponse, type NextRequest } from 'next/server';

// Gives server components the path being rendered (the account switcher returns the user to it).
// Authorization is not done here: every page and action checks the session itself.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-pathname', request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
