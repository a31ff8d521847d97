// The `compression` middleware Next vendors and wraps its answers in (tests/unit/readable-error-pages.test.ts).
declare module 'next/dist/compiled/compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export default function compression(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}
