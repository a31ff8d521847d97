import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { addNumberRow, fillCarrier, submitRequest } from './helpers/wizard';

// WCAG 1.4.10 (reflow): at 320 CSS px, and at a phone's 390 px, the page never scrolls sideways;
// a data table may scroll inside its own box. Checked on the pages customers and the team use
// most, each as it is with content (a submitted request, a draft with numbers on step 3).

let browser: Browser;
let owner: BrowserContext;
let staff: BrowserContext;
let requestId: string;
let draftId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await signedInContext(browser, 'owner@summit.example');
  staff = await signedInContext(browser, 'regulatory@porting.example');
  const page = await owner.newPage();
  requestId = await submitRequest(page, '+14105550280');
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
  draftId = page.url().split('/numbers/port/')[1].split('/')[0];
  await fillCarrier(page);
  await addNumberRow(page, '+14105550281', '+14105550199');
  await page.close();
}, 120_000);
afterAll(() => browser.close());

/** How far the page is wider than the window, and the first elements past its right edge outside a scrolling box. */
async function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && e.checkVisibility() && !e.parentElement?.closest('.overflow-x-auto'))
      .slice(0, 3)
      .map((e) => `<${e.tagName.toLowerCase()}> “${(e.textContent ?? '').trim().slice(0, 40)}”`);
    return { extra: document.documentElement.scrollWidth - width, past };
  });
}

const PAGES: [string, () => BrowserContext, () => string][] = [
  ['Port Numbers list', () => owner, () => '/numbers/port'],
  ['request page', () => owner, () => `/numbers/port/${requestId}`],
  ['notes', () => owner, () => `/numbers/port/${requestId}/notes`],
  ['step 3 (numbers) with a saved number', () => owner, () => `/numbers/port/${draftId}/numbers`],
  ['Tracking Numbers', () => owner, () => '/numbers/tracking'],
  ['staff queue', () => staff, () => '/staff'],
  ['staff request page', () => staff, () => `/staff/requests/${requestId}`],
];

describe.each([320, 390])('at %i px wide', (width) => {
  test.each(PAGES)('the %s does not scroll sideways', async (_name, context, path) => {
    const page = await context().newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(path());
    expect(await sidewaysScroll(page)).toEqual({ extra: 0, past: [] });
    await page.close();
  });
});

test('a phone number in the list is never broken across two lines', async () => {
  const page = await owner.newPage();
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/numbers/port');
  const numbers = page.getByTestId('port-requests').locator('.tel');
  expect(await numbers.count()).toBeGreaterThan(0);
  for (const box of await numbers.evaluateAll((spans) => spans.map((s) => s.getClientRects().length))) expect(box).toBe(1);
  await page.close();
});

test.each([
  ['Port Numbers list', () => '/numbers/port', 'port-requests', /View|Resume/],
  ['step 3 (numbers)', () => `/numbers/port/${draftId}/numbers`, 'saved-numbers', /Remove/],
])('at 390 px the %s shows each row as a card, its actions in reach without scrolling', async (_name, path, testId, action) => {
  const page = await owner.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(path());
  const row = page.getByTestId(testId).locator('tbody tr').first();
  const box = (await row.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(390);
  // Each cell names its column, the way the hidden header would.
  expect(await row.locator('td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content)).toMatch(/^".+"$/);
  const link = row.getByRole(/Remove/.test(action.source) ? 'button' : 'link', { name: action }).first();
  const linkBox = (await link.boundingBox())!;
  expect(linkBox.x + linkBox.width).toBeLessThanOrEqual(390);
  // A desktop window still gets the table.
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('table-row');
  await page.close();
});
