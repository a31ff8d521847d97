import 'server-only';
import type { ApiEndpoint, HttpMethod } from './endpoint';

export type EndpointMatch = { endpoint: ApiEndpoint; params: Record<string, string> } | { allowed: HttpMethod[] } | null;

/** The endpoint for a method and a path under /api/v1 ("/port_requests/abc"); or the methods the path has (405); or null (404). */
export function matchEndpoint(endpoints: readonly ApiEndpoint[], method: string, path: string): EndpointMatch {
  const segments = path.split('/').filter(Boolean);
  const allowed: HttpMethod[] = [];
  // A literal segment wins over a parameter: "/port_requests/portability_checks" before "/port_requests/{id}".
  const byParams = [...endpoints].sort((a, b) => paramCount(a.path) - paramCount(b.path));
  let fewest: number | null = null;
  for (const endpoint of byParams) {
    const params = matchPath(endpoint.path, segments);
    if (!params) continue;
    if (fewest !== null && paramCount(endpoint.path) > fewest) break;
    fewest = paramCount(endpoint.path);
    if (endpoint.method === method) return { endpoint, params };
    allowed.push(endpoint.method);
  }
  return allowed.length ? { allowed } : null;
}

function paramCount(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}

function matchPath(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const name = /^\{(\w+)\}$/.exec(parts[i])?.[1];
    if (name) {
      let value: string;
      try {
        value = decodeURIComponent(segments[i]);
      } catch {
        return null;
      }
      params[name] = value;
    } else if (parts[i] !== segments[i]) return null;
  }
  return params;
}
