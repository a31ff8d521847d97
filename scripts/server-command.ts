// How every script starts the app: through its front door (scripts/server.ts), never `next start`
// directly, so the tests and benchmarks measure what `npm start` serves. In production that is the
// front door as the build compiled it (scripts/build.ts); `npm run dev` runs the TypeScript itself.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const FRONT_DOOR_BUNDLE = path.join('.next', 'front-door', 'server.mjs');

/** The arguments after `node` (Node flags such as --cpu-prof go before them). */
export function serverCommand(options: { dev?: boolean } = {}): string[] {
  if (options.dev) return [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('scripts', 'server.ts'), '--dev'];
  if (!existsSync(FRONT_DOOR_BUNDLE)) throw new Error(`No production build of the front door (${FRONT_DOOR_BUNDLE}): run \`npm run build\` first.`);
  return [FRONT_DOOR_BUNDLE];
}
