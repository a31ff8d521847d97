// Client-safe: the settings page lists them.
export const API_SCOPES = {
  'port_requests:read': 'Read port requests, their numbers, events, notes, recipients and LOA',
  'port_requests:write': 'Create and change drafts, add numbers, upload proof, send the LOA for signature, submit, cancel, add notes and recipients',
} as const;

export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(API_SCOPES, value);
}
