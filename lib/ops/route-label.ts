// The route a request is logged and counted under: the app's own pattern (/numbers/port/[id],
// /sign/[token]), never the path as sent, so no id, token or typed text reaches a log line or a
// metric label, and a scanner's made-up paths all count as one "unmatched". No server-only import:
// the server script loads it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type RouteMatcher = (pathname: string) => string;

/** Every page and route handler under `appDir`, as patterns (route groups left out). */
export function appRoutePatterns(appDir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(appDir)) {
    const full = path.join(appDir, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith('_') || entry.startsWith('@')) continue;
      found.push(...appRoutePatterns(full, prefix + (/^\(.*\)$/.test(entry) ? '' : `/${entry}`)));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry)) {
      found.push(prefix || '/');
    }
  }
  return found;
}

function toRegExp(pattern: string): RegExp {
  const body = pattern
    .split('/')
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return '(?:/.*)?';
      if (/^\[\.\.\..+\]$/.test(segment)) return '/.+';
      if (/^\[.+\]$/.test(segment)) return '/[^/]+';
      return segment ? `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : '';
    })
    .join('');
  return new RegExp(`^${body || '/'}/?$`);
}

/** Fewer dynamic segments first, so /numbers/port/api wins over /numbers/port/[id]. */
function specificity(pattern: string): number[] {
  const segments = pattern.split('/').filter(Boolean);
  return [segments.filter((s) => s.startsWith('[')).length, -segments.length];
}

const FRAMEWORK_PREFIXES = ['/_next/static/', '/_next/image', '/_next/data/'];

export function routeMatcher(patterns: string[]): RouteMatcher {
  const ordered = [...new Set(patterns)]
    .sort((a, b) => {
      const [x, y] = [specificity(a), specificity(b)];
      return x[0] - y[0] || x[1] - y[1];
    })
    .map((pattern) => ({ pattern, regexp: toRegExp(pattern) }));
  return (pathname) => {
    const framework = FRAMEWORK_PREFIXES.find((p) => pathname.startsWith(p));
    if (framework) return framework.replace(/\/$/, '');
    if (pathname === '/favicon.ico') return pathname;
    return ordered.find((r) => r.regexp.test(pathname))?.pattern ?? 'unmatched';
  };
}

/** The path of a request target, without its query (which may carry a token). */
export function pathOf(url: string | undefined): string {
  const target = url ?? '/';
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}
