'use client';

import { ServerErrorMessage, SERVER_ERROR_TITLE } from '@/components/errors/server-error-message';
import './globals.css';

// The page for an error nothing else caught, drawn in the browser. Without JavaScript the front door
// sends the same message as plain HTML (lib/server/readable-error-pages.ts).
export default function GlobalError({ retry }: { error: unknown; retry?: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>{SERVER_ERROR_TITLE}</title>
        <ServerErrorMessage
          retry={
            retry ? (
              <button type="button" onClick={() => retry()} className="font-medium text-blue-700 underline">
                Try again
              </button>
            ) : null
          }
        />
      </body>
    </html>
  );
}
