// `npm run bench:js`: the JavaScript (as transferred, gzip) the browser downloads for each page of the
// wizard, the list and the notes, from the production build in Chromium, against an empty page of the
// same app (the check-email page: root layout and framework only, no component of its own).
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';

async function scriptBytes(page: Page, url: string): Promise<number> {
  let total = 0;
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() !== 'script') return;
    // Measured as gzip of the body, the same way for every file whatever the server or cache did.
    pending.push(response.body().then((body) => void (total += gzipSync(body).length)));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  page.off('response', onResponse);
  return total;
}

export async function benchJsBytes(): Promise<string[]> {
  const server = await startAppServer({ port: 3293 });
  process.env.E2E_BASE_URL = server.baseUrl;
  const { launchBrowser, signedInContext } = await import('../tests/e2e/helpers/browser');
  const wizard = await import('../tests/e2e/helpers/wizard');
  process.env.E2E_DATA_DIR = server.dataDir;
  const browser = await launchBrowser();
  try {
    const context = await signedInContext(browser, 'owner@summit.example');
    const setup = await context.newPage();
    const submitted = await wizard.submitRequest(setup, '+14105550260');
    await setup.goto('/numbers/port');
    await setup.getByRole('button', { name: 'Create Port Request' }).click();
    await wizard.fillCarrier(setup);
    const draft = setup.url().split('/numbers/port/')[1].split('/')[0];
    await wizard.addNumberRow(setup, '+14105550261', '+14105550199');
    await wizard.continueFromNumbers(setup);
    await wizard.fillCustomer(setup, '1234');
    await wizard.fillAddress(setup);
    await wizard.acceptAgreement(setup);
    // Signed by typed name as the e2e flows do: the name, then the title beside it (without it nothing is signed).
    await setup.getByLabel('Type your full name to sign').fill('Dana Whitfield');
    await wizard.fillSignerTitle(setup);
    await setup.getByRole('button', { name: 'Sign', exact: true }).click();
    await wizard.continueAndAgree(setup);

    const pages: [string, string][] = [
      ['empty page (baseline): check-email', '/sign-in/check-email'],
      ['Port Numbers list', '/numbers/port'],
      ...['carrier', 'numbers', 'customer', 'address', 'agreement', 'loa', 'proof'].map((s) => [`wizard: ${s}`, `/numbers/port/${draft}/${s}`] as [string, string]),
      ['notes', `/numbers/port/${submitted}/notes`],
    ];
    const rows: string[] = [];
    let baseline = 0;
    for (const [name, url] of pages) {
      // A fresh context each time: nothing cached from the page before.
      const fresh = await signedInContext(browser, 'owner@summit.example');
      const page = await fresh.newPage();
      const bytes = await scriptBytes(page, `${server.baseUrl}${url}`);
      await fresh.close();
      if (!baseline) baseline = bytes;
      const over = (bytes - baseline) / 1024;
      const row = `| ${name} | ${(bytes / 1024).toFixed(1)} kB | ${over >= 0 ? '+' : ''}${over.toFixed(1)} kB |`;
      console.log(row);
      rows.push(row);
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1]?.endsWith('js-bytes.ts')) {
  console.log('| page | JavaScript transferred (gzip) | over the empty page |\n|---|---|---|');
  await benchJsBytes();
}
