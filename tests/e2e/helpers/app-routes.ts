import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type AppRoute = { pattern: string; kind: 'page' | 'route' };

/** Every page and route handler of the app, read from the app folder so a new one cannot be forgotten. */
export function appRoutes(dir = path.join(process.cwd(), 'app'), prefix = ''): AppRoute[] {
  const found: AppRoute[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const segment = /^\(.*\)$/.test(entry) ? '' : `/${entry}`;
      found.push(...appRoutes(full, prefix + segment));
    } else if (entry === 'page.tsx' || entry === 'route.ts') {
      found.push({ pattern: prefix || '/', kind: entry === 'page.tsx' ? 'page' : 'route' });
    }
  }
  return found;
}
