/** "2026-12-01 16:27 UTC": a moment as the pages show it, the same for every viewer. */
export function dateTimeUtc(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
