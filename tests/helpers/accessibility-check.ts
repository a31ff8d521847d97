import { existsSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from '../e2e/helpers/browser';
import type { PageSnapshot } from '../e2e/helpers/accessibility';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The accessibility gate, part 2: each page the e2e run kept (tests/e2e/helpers/accessibility.ts)
 * laid out again from the app (its stylesheets, through `<base>`) and checked by axe-core. Returns
 * the distinct states checked and each state's violations once.
 */
export async function checkAccessibility(file: string, baseUrl: string): Promise<{ states: number; checks: number; failures: string[] }> {
  if (!existsSync(file)) return { states: 0, checks: 0, failures: [] };
  const snapshots = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as PageSnapshot);
  const browser = await launchBrowser();
  const failures = new Map<string, string>();
  try {
    // The page's own scripts are taken out: it is checked as it stood when it loaded, not as its
    // scripts would change it now (axe itself needs scripts on in the checking tab).
    const page = await (await browser.newContext()).newPage();
    for (const s of snapshots) {
      if (s.blank) {
        failures.set(`${s.state} blank`, `${s.state} (${s.url}): blank without JavaScript [critical] Next's empty error shell reached the browser; the page's message is only in its scripts`);
        continue;
      }
      const html = s.html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<head([^>]*)>/i, `<head$1><base href="${baseUrl}${s.url}">`);
      await page.setContent(html, { waitUntil: 'load' });
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      for (const v of results.violations) {
        const key = `${s.state} ${v.id}`;
        if (!failures.has(key)) failures.set(key, `${s.state} (${s.url}): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
  } finally {
    await browser.close();
  }
  return { states: new Set(snapshots.map((s) => s.state)).size, checks: snapshots.length, failures: [...failures.values()] };
}
