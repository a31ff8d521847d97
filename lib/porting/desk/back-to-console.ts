const BASE = 'http://console.invalid';

/**
 * Where a console form goes back to: the console page it names (with its filters), never another
 * site or area. Read as a URL, so "/staff/../numbers" is the /numbers it means; a control character
 * (a header cannot carry one) or a backslash falls back too.
 */
export function backToConsole(returnTo: FormDataEntryValue | null, fallback = '/staff'): string {
  const path = typeof returnTo === 'string' ? returnTo : '';
  if (!path.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(path)) return fallback;
  const url = new URL(path, BASE);
  if (url.origin !== BASE || !/^\/staff(?:\/|$)/.test(url.pathname)) return fallback;
  return url.pathname + url.search;
}
