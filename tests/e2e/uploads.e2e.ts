import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInContext } from './helpers/browser';
import { acceptAgreement, addNumberRow, continueAndAgree, continueFromNumbers, fillAddress, fillCarrier, fillCustomer } from './helpers/wizard';
import { tinyPng } from '../helpers/files';

// Proof at and over the size limits, through the browser: a message, never an error page.

const MB = 1024 * 1024;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** A PNG of exactly `size` bytes (zeros after IEND, as some scanners pad files). */
function pngOf(size: number): Buffer {
  const png = tinyPng();
  return Buffer.concat([png, Buffer.alloc(size - png.length)]);
}

async function draftAtProof(page: Page, number: string) {
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);
  await addNumberRow(page, number, '+14105550199');
  await continueFromNumbers(page);
  await fillCustomer(page, '3141');
  await fillAddress(page);
  await acceptAgreement(page);
  await page.getByLabel('Type your full name to sign').fill('Dana Whitfield');
  await page.getByLabel('Your title at the business').fill('Office Manager');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await continueAndAgree(page);
}

test('with JavaScript, a file over 10 MB is named before any upload, and a file of exactly 10 MB goes through', async () => {
  const page = await (await signedInContext(browser, 'owner@summit.example')).newPage();
  await draftAtProof(page, '+14105550245');
  const proof = page.getByLabel('Bill or screenshot');
  await proof.setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: pngOf(11 * MB) });
  await page.getByText('"scan.png" is 11.0 MB; the limit is 10 MB per file.').waitFor();
  await page.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/\/proof$/);

  await proof.setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: pngOf(10 * MB) });
  await page.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await page.waitForURL('**/numbers/port?submitted=*', { timeout: 60_000 });
});

test('without JavaScript, more than a submission can carry comes back to the page with a message', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await context.newPage();
  await draftAtProof(page, '+14105550246');
  // Over Playwright's in-memory limit: the six 9 MB scans go through files.
  const dir = mkdtempSync(path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), 'scans-'));
  const six = Array.from({ length: 6 }, (_, i) => path.join(dir, `page-${i + 1}.png`));
  for (const file of six) writeFileSync(file, pngOf(9 * MB));
  await page.getByLabel('Bill or screenshot').setInputFiles(six);
  await page.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await page.locator('#proof-errors').getByText(/too large to receive: choose at most 5 files of up to 10 MB each/).waitFor({ timeout: 60_000 });

  // Six small files fit in the post; the form says how many it takes.
  const small = Array.from({ length: 6 }, (_, i) => ({ name: `page-${i + 1}.png`, mimeType: 'image/png', buffer: tinyPng() }));
  await page.getByLabel('Bill or screenshot').setInputFiles(small);
  await page.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await page.locator('#proof-errors').getByText(/Choose at most 5 files at a time; you chose 6/).waitFor();

  await page.getByLabel('Bill or screenshot').setInputFiles({ name: 'bill.png', mimeType: 'image/png', buffer: tinyPng() });
  await page.getByRole('button', { name: 'Send Proof of Ownership' }).click();
  await page.waitForURL('**/numbers/port?submitted=*');
});

test('without JavaScript, a numbers file larger than any post comes back to step 3 with a message', async () => {
  const context = await signedInContext(browser, 'owner@summit.example', { javaScript: false });
  const page = await context.newPage();
  await page.goto('/numbers/port');
  await page.getByRole('button', { name: 'Create Port Request' }).click();
  await fillCarrier(page);
  const file = path.join(mkdtempSync(path.join(process.env.E2E_DATA_DIR ?? os.tmpdir(), 'lists-')), 'numbers.csv');
  writeFileSync(file, Buffer.alloc(60 * MB, '+14105550100\n'));
  await page.getByLabel('Upload a .csv or .txt file').setInputFiles(file);
  await page.getByRole('button', { name: 'Add to request' }).nth(1).click();
  await page.getByRole('alert').getByText(/too large to receive.*up to 5 MB/).waitFor({ timeout: 60_000 });
  await context.close();
});
