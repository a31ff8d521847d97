/** Where a console form goes back to: the console page it names (with its filters), never another site or area. */
export function backToConsole(returnTo: FormDataEntryValue | null, fallback = '/staff'): string {
  const path = typeof returnTo === 'string' ? returnTo : '';
  return /^\/staff(?:[/?]|$)/.test(path) && !path.includes('\\') ? path : fallback;
}
