import type { ReactNode } from 'react';

/**
 * What a person sees when a page fails on our side: app/global-error.tsx in the browser, and the
 * front door's page for a failed page without JavaScript (lib/server/readable-error-pages.ts).
 * Plain markup, no hooks: the front door renders it outside Next.
 */
export function ServerErrorMessage({ retry }: { retry?: ReactNode }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-3 text-slate-700">
        The page could not be shown. Try again in a moment; if it keeps happening, contact the porting team.
      </p>
      <p className="mt-6 flex justify-center gap-6">
        {retry}
        {/* A plain link: this also renders outside Next, where next/link has no router. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the start page</a>
      </p>
    </main>
  );
}

export const SERVER_ERROR_TITLE = 'Something went wrong · Port Numbers';
