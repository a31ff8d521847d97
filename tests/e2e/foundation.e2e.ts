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
