import type { Browser } from 'playwright-core';
import { launchBrowser, mailboxFor, newContext, signIn, waitForNewEmail } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test.each([
  ['on', true],
  ['off', false],
])('with JavaScript %s, the demo owner signs in through the mailbox link and reaches Numbers > Port Numbers', async (_label, javaScript) => {
  const context = await newContext(browser, { javaScript });
  const page = await context.newPage();
  await signIn(page, 'owner@summit.example');
  await page.goto('/');
  await page.getByText('Numbers ▾').click();
  await page.getByRole('link', { name: 'Port Numbers' }).click();
  await page.waitForURL('**/numbers/port');
  await page.getByRole('heading', { name: 'Port Numbers' }).waitFor();
  await page.getByRole('button', { name: 'Create Port Request' }).waitFor();

  await page.getByText('Numbers ▾').click();
  await page.getByRole('link', { name: 'Tracking Numbers' }).click();
  await page.getByRole('cell', { name: '(410) 555-0100' }).waitFor();
  await context.close();
});

test('an unknown address gets the same answer as a known one, and no email', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('stranger@nowhere.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/sign-in/check-email');
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.waitForTimeout(1500);
  expect(await (await mailboxFor(page, 'stranger@nowhere.example')).count()).toBe(0);
  await context.close();
});

test('the staff console is 404 for an account user and open to the regulatory team', async () => {
  const customer = await newContext(browser);
  const customerPage = await customer.newPage();
  await signIn(customerPage, 'analyst@summit.example');
  const refused = await customerPage.goto('/staff');
  expect(refused?.status()).toBe(404);
  await customerPage.getByRole('heading', { name: 'Page not found' }).waitFor();
  await customer.close();

  const staff = await newContext(browser);
  const staffPage = await staff.newPage();
  await signIn(staffPage, 'regulatory@porting.example');
  const allowed = await staffPage.goto('/staff');
  expect(allowed?.status()).toBe(200);
  await staffPage.getByRole('heading', { name: 'Port request queue' }).waitFor();
  await staff.close();
});

test('signed out, account pages send the visitor to sign in', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/numbers/tracking');
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await context.close();
});

test('a sign-in link works once; opened again it says so and leads back to sign-in', async () => {
  const first = await newContext(browser);
  const page = await first.newPage();
  const known = await (await mailboxFor(page, 'office@harbor.example')).count();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('office@harbor.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/sign-in/check-email');
  const message = await waitForNewEmail(page, 'office@harbor.example', known, /sign-in link/i);
  const link = (await message.getByRole('link', { name: 'Sign in', exact: true }).getAttribute('href'))!;
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Port Numbers' }).waitFor();
  await first.close();

  const second = await newContext(browser);
  const again = await second.newPage();
  await again.goto(link);
  await again.getByRole('heading', { name: 'This sign-in link no longer works' }).waitFor();
  await again.getByRole('link', { name: 'Ask for a new sign-in link' }).click();
  expect(new URL(again.url()).pathname).toBe('/sign-in');
  await second.close();
});

test('asking for sign-in links again and again is stopped with a clear message, for unknown addresses too', async () => {
  const context = await newContext(browser, { javaScript: false });
  const page = await context.newPage();
  for (let i = 0; i < 5; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill('nobody@nowhere.example');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.waitForURL('**/sign-in/check-email');
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('nobody@nowhere.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText(/Too many sign-in links were requested/).waitFor();
  await context.close();
});

// Next renders a notFound() thrown while a page renders as an empty shell that only its scripts fill
// in (vercel/next.js#98954); the front door sends the not-found page instead (lib/server/readable-error-pages.ts).
test('without JavaScript, a page that is not yours says "Page not found" with its 404, never a blank page', async () => {
  const context = await newContext(browser, { javaScript: false });
  const page = await context.newPage();
  await signIn(page, 'dental@summit.example');
  // Thrown by a layout (the console), by a page for a member (API access is for admins), by a page
  // for an id that names nothing, and an address that matches no page at all.
  for (const path of ['/staff', '/numbers/port/api', '/numbers/port/4f1c2a9e-0000-4000-8000-000000000000', '/numbers/port/not-an-id', '/no-such-page']) {
    const response = await page.goto(path);
    expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe('/');
  }
  await context.close();
});

test('without JavaScript, a form sent for a draft discarded meanwhile in another tab gets "Page not found", not a blank page', async () => {
  const context = await newContext(browser, { javaScript: false });
  const page = await context.newPage();
  await signIn(page, 'dental@summit.example');
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await page.waitForURL('**/carrier');
  const draftId = page.url().split('/numbers/port/')[1].split('/')[0];
  // The other tab: the draft goes from the list.
  const other = await context.newPage();
  await other.goto('/numbers/port');
  await other.goto(`/numbers/port/${draftId}/discard`);
  await other.getByRole('button', { name: 'Discard draft' }).click();
  await other.getByText('The draft was discarded.').waitFor();
  await page.getByLabel("Current carrier's name").fill('Verizon Business');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: /Save and continue/ }).click()]);
  expect(response.status()).toBe(404);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await context.close();
});

test('from the keyboard, the first Tab offers "Skip to main content", which moves past the header (customer and team pages)', async () => {
  for (const [email, path, heading] of [
    ['owner@summit.example', '/numbers/port', 'Port Numbers'],
    ['regulatory@porting.example', '/staff', 'Port request queue'],
  ]) {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    // Shown once focused (it is hidden until then).
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab lands inside the page's content, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await context.close();
  }
});
