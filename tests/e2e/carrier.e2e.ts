import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, mailboxFor, signedInContext, waitForNewEmail } from './helpers/browser';
import { submitRequest } from './helpers/wizard';
import { addBusinessDays, isoDate, todayUtc } from '@/lib/porting/business-days';

// The first "Done when", in a browser against the built app on its embedded defaults (the
// carrier sandbox): after "Submit to carrier" the team clicks nothing; only the sandbox's clock moves
// (/dev/carrier), and the port date, the email, the port and SMS all follow from the carrier's webhooks.

const CUSTOMER = 'owner@summit.example';
const STAFF = 'regulatory@porting.example';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The team's page flow up to the order: review, approve, then "Submit to carrier", which lands with a flash. */
async function approveAndSubmit(staff: Page, requestId: string) {
  await staff.goto(`/staff/requests/${requestId}`);
  const decide = async (button: string, status: string) => {
    await staff.getByRole('button', { name: button }).click();
    await staff.getByTestId('staff-status').getByText(status, { exact: true }).waitFor();
  };
  await decide('Start review', 'In review');
  await decide('Approve and send to the carrier', 'Approved');
  await staff.getByRole('button', { name: 'Submit to carrier' }).click();
  await staff.getByRole('status').getByText(/Submitted to the carrier/).waitFor();
  await staff.getByTestId('carrier-order').first().waitFor();
}

/** Moves the sandbox carrier's clock by `hours`, and has it send what it owes now (the dev page, as a developer would). */
async function moveCarrierClock(page: Page, hours: number) {
  await page.goto('/dev/carrier');
  await page.getByLabel('Hours').fill(String(hours));
  await page.getByRole('button', { name: 'Advance clock' }).click();
  await page.getByRole('status').getByText(/Moved the carrier.s clock/).waitFor();
  await page.getByRole('button', { name: 'Deliver webhooks now' }).click();
  await page.getByRole('status').getByText(/Delivered the carrier.s webhooks/).waitFor();
}

/** The carrier's own view (its dev page): its clock, and the confirmed FOC of the order holding `number`. */
async function carrierView(page: Page, number: string): Promise<{ clock: number; status: string; foc: number | null; messaging: string }> {
  await page.goto('/dev/carrier');
  const clock = Date.parse((await page.getByTestId('carrier-clock').getAttribute('datetime'))!);
  const row = page.getByTestId('carrier-order').filter({ hasText: number }).first();
  const cells = row.locator('td');
  const status = ((await cells.nth(1).textContent()) ?? '').trim();
  const foc = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC/.exec(((await cells.nth(2).textContent()) ?? '').trim());
  const messaging = ((await cells.nth(5).textContent()) ?? '').trim();
  return { clock, status, foc: foc ? Date.parse(`${foc[1]}T${foc[2]}:00Z`) : null, messaging };
}

const HOUR = 3_600_000;

/** Reloads `path` until `check` holds: webhooks and the app's own workers run on their own time. */
async function eventually(page: Page, path: string, check: (page: Page) => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(path);
    if (await check(page)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(1000);
  }
}

const trackingRow = (page: Page, formatted: string) => page.locator('tr').filter({ hasText: formatted }).first();

test('submitted to the carrier, then only the carrier\'s clock moves: port date and its email, the port, then SMS', async () => {
  const customerContext = await signedInContext(browser, CUSTOMER);
  const customer = await customerContext.newPage();
  const requestId = await submitRequest(customer, '+14105550160', '2468');

  const staffContext = await signedInContext(browser, STAFF);
  const staff = await staffContext.newPage();
  await approveAndSubmit(staff, requestId);
  // From here on the team does nothing: its page is closed, and every step below is the carrier's.
  await staff.close();
  await staffContext.close();

  const knownEmails = await (await mailboxFor(customer, CUSTOMER)).count();
  const clock = await customerContext.newPage();
  // An hour later the carrier confirms an FOC: the request is scheduled for the carrier's date.
  await moveCarrierClock(clock, 1);
  await eventually(customer, `/numbers/port/${requestId}`, async (p) => (await p.getByText('Status: Scheduled', { exact: true }).count()) > 0, 'the carrier\'s FOC');
  // Shown in the customer's zone, named; the moment itself (UTC) is the invitation's.
  const portDate = customer.getByTestId('port-date');
  expect(await portDate.textContent()).toMatch(/^Port date [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M E[SD]T$/);
  const portDay = (await portDate.locator('time').getAttribute('datetime'))?.slice(0, 10);
  expect(portDay).toMatch(/^\d{4}-\d\d-\d\d$/);

  const email = await waitForNewEmail(customer, CUSTOMER, knownEmails, new RegExp(`Port date set for`));
  expect(await email.textContent()).toContain('Attachments: port-date.ics');
  // The invitation downloads from the mailbox, as a person would open it in a calendar.
  const [download] = await Promise.all([email.page().waitForEvent('download'), email.getByRole('link', { name: 'port-date.ics' }).click()]);
  expect(download.suggestedFilename()).toBe('port-date.ics');
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain(`DTSTART:${portDay!.replace(/-/g, '')}T`);
  expect(ics).toMatch(/\r\nORGANIZER;CN="[^"]+":mailto:/);

  // The carrier ports at the FOC: its clock moves to an hour past it (SMS follows a day after the voice port, not yet).
  const view = await carrierView(clock, '+14105550160');
  expect(view.status).toMatch(/^foc-date-confirmed/);
  expect(new Date(view.foc!).toISOString().slice(0, 10)).toBe(portDay);
  await moveCarrierClock(clock, Math.ceil((view.foc! - view.clock) / HOUR) + 1);
  const formatted = '(410) 555-0160';
  await eventually(customer, '/numbers/tracking', async (p) => (await trackingRow(p, formatted).count()) > 0, 'the port from the carrier');
  // Voice is active (the word appears only in the Voice column while SMS waits), SMS waits for the carrier.
  const row = (await trackingRow(customer, formatted).textContent()) ?? '';
  expect(row).toContain('Active');
  expect(row).toContain('SMS is not supported');
  await customer.goto(`/numbers/port/${requestId}`);
  await customer.getByText('Status: Completed', { exact: true }).waitFor();

  // A day later the carrier's messaging status is ported: SMS is on, without the 3-business-day timer.
  await moveCarrierClock(clock, 24);
  expect((await carrierView(clock, '+14105550160')).messaging).toBe('ported');
  await eventually(customer, '/numbers/tracking', async (p) => !((await trackingRow(p, formatted).textContent()) ?? '').includes('SMS is not supported'), 'SMS from the carrier\'s messaging status');
  await customerContext.close();
}, 300_000);

test('"Submit to carrier" works with JavaScript off: a 303 back to the request, with the flash and the carrier\'s order', async () => {
  const customerContext = await signedInContext(browser, CUSTOMER);
  const requestId = await submitRequest(await customerContext.newPage(), '+14105550161', '2468');
  await customerContext.close();
  const staffContext: BrowserContext = await signedInContext(browser, STAFF, { javaScript: false });
  const staff = await staffContext.newPage();
  const redirects: number[] = [];
  staff.on('response', (r) => {
    if (r.request().method() === 'POST' && r.status() >= 300 && r.status() < 400) redirects.push(r.status());
  });
  await approveAndSubmit(staff, requestId);
  expect(redirects.at(-1)).toBe(303);
  expect(new URL(staff.url()).pathname).toBe(`/staff/requests/${requestId}`);
  expect(await staff.getByTestId('carrier-order-id').first().textContent()).not.toBe('not placed yet');
  // Placed once: the button is gone.
  expect(await staff.getByRole('button', { name: 'Submit to carrier' }).count()).toBe(0);

  // Another date, asked of the carrier with its rules in view; the panel shows it as requested.
  const changeDate = staff.getByTestId('foc-change');
  expect(await changeDate.textContent()).toContain('at most 3 changes of the port date after it has confirmed one');
  expect(await changeDate.getByTestId('foc-changes-left').textContent()).toContain('3');
  const day = isoDate(addBusinessDays(todayUtc(), 8));
  await changeDate.getByLabel('New FOC date').fill(day);
  await changeDate.getByLabel('Time (HH:MM, UTC)').fill('16:00');
  await changeDate.getByRole('button', { name: 'Ask the carrier for this date' }).click();
  await staff.getByRole('status').getByText(`Asked the carrier for ${day} 16:00 UTC`).waitFor();
  expect(await staff.getByTestId('carrier-order').first().textContent()).toContain(`Requested FOC${day} 16:00 UTC`);
  // A weekend is refused at the form, which says why.
  let saturday = addBusinessDays(todayUtc(), 8);
  while (saturday.getUTCDay() !== 6) saturday = new Date(saturday.getTime() + 86_400_000);
  await changeDate.getByLabel('New FOC date').fill(isoDate(saturday));
  await changeDate.getByRole('button', { name: 'Ask the carrier for this date' }).click();
  await staff.getByTestId('foc-change').getByRole('alert').getByText(/weekend day/).waitFor();
  await staffContext.close();
});

// Against the built app, where the carrier is built by the start-up code and the route is bundled
// apart from it: a webhook the carrier did not sign is refused as such (401), never "try again" (503).
test('the built app refuses a carrier webhook without a valid signature with 401, and changes nothing', async () => {
  const body = JSON.stringify({ data: { event_type: 'porting_order.status_changed', id: 'forged-1', occurred_at: new Date().toISOString(), payload: { id: 'any', status: { value: 'ported' } }, record_type: 'event' } });
  const unsigned = await fetch(`${baseUrl}/api/carrier/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  expect(unsigned.status).toBe(401);
  const forged = await fetch(`${baseUrl}/api/carrier/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'telnyx-signature-ed25519': Buffer.alloc(64, 7).toString('base64'), 'telnyx-timestamp': String(Math.floor(Date.now() / 1000)) },
    body,
  });
  expect(forged.status).toBe(401);
  expect(await forged.text()).not.toContain('ported');
});
