/** "2026-12-01 16:27 UTC" (or with seconds): a moment as the pages show it, the same for every viewer. */
export function dateTimeUtc(d: Date, options: { seconds?: boolean } = {}): string {
  return `${d.toISOString().slice(0, options.seconds ? 19 : 16).replace('T', ' ')} UTC`;
}
