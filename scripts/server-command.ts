// How every script starts the app: through its front door (scripts/server.ts), never `next start`
// directly, so the tests and benchmarks measure what `npm start` serves.
import path from 'node:path';

export function serverCommand(options: { dev?: boolean } = {}): string[] {
  return [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('scripts', 'server.ts'), ...(options.dev ? ['--dev'] : [])];
}
