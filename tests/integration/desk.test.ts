/**
 * The desk (issue 16): the queue's search, assignment, time in status against the targets, bulk
 * "Start review" and the CSV export, through the queries and actions the console uses.
 */
import { eq, sql } from 'drizzle-orm';
import { carrierOrders, portRequestEvents, portRequests } from '@/db/schema';
import { assignToMeAction, bulkStartReviewAction } from '@/app/staff/actions';
import { GET as exportQueue } from '@/app/staff/export/route';
import { assignAction, startReviewAction } from '@/app/staff/requests/[id]/actions';
import { parseQueueFilters, shortRequestId, type QueueParams } from '@/lib/porting/desk/queue-filters';
import { listQueue, QUEUE_COUNT_LIMIT } from '@/lib/porting/review/list-queue';
import { readEvents } from '@/lib/porting/events/read-events';
import { draftReadyToSign, submittedRequest } from '../helpers/port-requests';
import { expectNotFound, expectRedirect, formData, requestScope, setupRequestScope, signInAs } from '../helpers/request-scope';
import { setupTestContext } from '../helpers/test-context';
import { holdsSecret } from '../helpers/holds-secret';

jest.mock('@/lib/auth/next-auth', () => jest.requireActual('../helpers/request-scope').nextAuthStub);
jest.mock('next/headers', () => jest.requireActual('../helpers/request-scope').nextHeadersStub);
jest.mock('next/cache', () => jest.requireActual('../helpers/request-scope').nextCacheStub);

const t = setupTestContext();
setupRequestScope();

const queue = async (params: QueueParams, now = new Date()) => listQueue(t.db, t.staff, parseQueueFilters(params), now);
const idsOf = async (params: QueueParams, now?: Date) => (await queue(params, now)).rows.map((r) => r.id);
const setRequest = (id: string, fields: Partial<typeof portRequests.$inferInsert>) => t.db.update(portRequests).set(fields).where(eq(portRequests.id, id));
const rowOf = async (id: string) => (await t.db.select().from(portRequests).where(eq(portRequests.id, id)))[0];
/** A second member of the team (the demo has one). */
async function addTeamMember(name: string): Promise<{ id: string }> {
  const result = await t.db.execute(sql`with u as (insert into users (id, email, name) values (gen_random_uuid()::text, 'dana@porting.example', ${name}) returning id),
    s as (insert into staff_members (user_id, role) select id, 'regulatory' from u) select id from u`);
  return (result as unknown as { rows: { id: string }[] }).rows[0];
}
const flash = () => JSON.parse(requestScope.cookies.get('flash')?.value ?? 'null') as { kind: string; message: string } | null;

describe('search', () => {
  test('finds a request by its number however it is typed, and by nothing else that matches', async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit, ['+14105550110', t.freshNumber()]);
    const other = await submittedRequest(t.db, t.owner, t.summit);
    for (const typed of ['(410) 555-0110', '410.555.0110', '+14105550110', '4105550110', '1-410-555-0110', ' 410 555 0110 ']) {
      expect({ typed, found: await idsOf({ q: typed }) }).toEqual({ typed, found: [id] });
    }
    expect(await idsOf({})).toEqual(expect.arrayContaining([id, other]));
    expect(await idsOf({ q: '(410) 555-0119' })).toEqual([]);
  });

  test('finds by customer name, account, carrier (part of it, any case), request id, short id, reference and carrier order id', async () => {
    const dental = await submittedRequest(t.db, t.dental, t.summitDental);
    const named = await submittedRequest(t.db, t.owner, t.summit);
    await setRequest(named, { customerName: 'Chesapeake Bagel Works', losingCarrier: 'Lumen Technologies' });
    await t.db.insert(carrierOrders).values({ portRequestId: dental, carrier: 'sandbox', externalId: 'PO-778812', numbers: [] });

    expect(await idsOf({ q: 'bagel work' })).toEqual([named]);
    expect(await idsOf({ q: 'LUMEN' })).toEqual([named]);
    expect(await idsOf({ q: 'summit dent' })).toEqual([dental]);
    expect(await idsOf({ q: named })).toEqual([named]);
    expect(await idsOf({ q: named.toUpperCase() })).toEqual([named]);
    expect(await idsOf({ q: `#${shortRequestId(named)}` })).toEqual([named]);
    // The short reference, as it is read out and typed.
    const [{ reference }] = await t.db.select({ reference: portRequests.reference }).from(portRequests).where(eq(portRequests.id, named));
    expect(reference).toMatch(/^PR-\d{4}-\d{4,}$/);
    const digits = reference.slice(8);
    for (const typed of [reference, reference.toLowerCase(), `PR ${reference.slice(3, 7)} ${digits}`, `PR-${reference.slice(3, 7)}-${Number(digits)}`]) {
      expect({ typed, found: await idsOf({ q: typed }) }).toEqual({ typed, found: [named] });
    }
    expect(await idsOf({ q: 'PO-778812' })).toEqual([dental]);
    // Typed characters of LIKE are text, not wildcards.
    expect(await idsOf({ q: '%' })).toEqual([]);
  });

  test('searches closed requests too, and the status filter still applies', async () => {
    const done = await submittedRequest(t.db, t.owner, t.summit, ['+14105550111']);
    await setRequest(done, { status: 'completed' });
    // The queue itself is what the team holds; the search reaches past it.
    expect(await idsOf({})).not.toContain(done);
    expect(await idsOf({ q: '410.555.0111' })).toEqual([done]);
    expect(await idsOf({ q: '410.555.0111', status: 'completed' })).toEqual([done]);
    expect(await idsOf({ q: '410.555.0111', status: 'submitted' })).toEqual([]);
    // Drafts stay the customer's own.
    await setRequest(done, { status: 'draft' });
    expect(await idsOf({ q: '410.555.0111' })).toEqual([]);
  });
});

describe('assignment', () => {
  test('assign to me, reassign, unassign: the queue shows who holds it, Mine and Unassigned filter, each change is a team event', async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit);
    const versionBefore = (await rowOf(id)).version;
    signInAs(t.staff);
    expect(await idsOf({ assignee: 'unassigned' })).toContain(id);
    expect(await idsOf({ assignee: 'mine' })).not.toContain(id);

    await expectRedirect(() => assignToMeAction(formData({ requestId: id, returnTo: '/staff?assignee=unassigned' })), '/staff?assignee=unassigned');
    expect(flash()).toMatchObject({ kind: 'ok', message: 'The request is assigned to you.' });
    expect(await idsOf({ assignee: 'mine' })).toEqual([id]);
    expect(await idsOf({ assignee: 'unassigned' })).not.toContain(id);
    expect((await queue({ assignee: 'mine' })).rows[0]).toMatchObject({ assignedToUserId: t.staff.userId, assigneeName: 'Regulatory Team' });
    // Not a decision: a page opened before it still decides.
    expect((await rowOf(id)).version).toBe(versionBefore);

    // Another team member takes it over from the request page.
    const colleague = await addTeamMember('Dana Reyes');
    await expectRedirect(() => assignAction(null, formData({ requestId: id, assign: 'chosen', userId: colleague.id })), `/staff/requests/${id}`);
    expect(flash()?.message).toBe('Assigned to Dana Reyes (it was with Regulatory Team).');
    expect(await idsOf({ assignee: 'mine' })).toEqual([]);
    expect((await queue({ q: id })).rows[0].assigneeName).toBe('Dana Reyes');

    // Only the team can hold a request.
    const refused = await assignAction(null, formData({ requestId: id, assign: 'chosen', userId: t.owner.userId }));
    expect(refused).toMatchObject({ ok: false, formError: expect.stringMatching(/member of the team/) });
    expect(await assignAction(null, formData({ requestId: id, assign: 'chosen', userId: '' }))).toMatchObject({ ok: false, fieldErrors: { userId: [expect.any(String)] } });

    await expectRedirect(() => assignAction(null, formData({ requestId: id, assign: 'none' })), `/staff/requests/${id}`);
    expect(await idsOf({ assignee: 'unassigned' })).toContain(id);

    const events = (await t.db.select().from(portRequestEvents).where(eq(portRequestEvents.portRequestId, id))).filter((e) => e.type === 'assignment_changed');
    expect(events.map((e) => e.data)).toEqual([
      { assigneeUserId: t.staff.userId, assigneeName: 'Regulatory Team' },
      { assigneeUserId: colleague.id, assigneeName: 'Dana Reyes', previousUserId: t.staff.userId, previousName: 'Regulatory Team' },
      { previousUserId: colleague.id, previousName: 'Dana Reyes' },
    ]);
    // The team's trail only: the customer's timeline and mailbox never hear of it.
    expect((await readEvents(t.db, t.owner, id)).map((e) => e.type)).not.toContain('assignment_changed');
  });

  test('a customer, or another tenant, posting the assignment gets the plain 404 and nothing changes', async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit);
    for (const customer of [t.owner, t.harbor]) {
      signInAs(customer);
      await expectNotFound(() => assignToMeAction(formData({ requestId: id })));
      await expectNotFound(() => assignAction(null, formData({ requestId: id, assign: 'me' })));
      await expectNotFound(() => bulkStartReviewAction(null, formData({ picked: `${id}:1` })));
    }
    expect((await rowOf(id)).assignedToUserId).toBeNull();
    expect((await rowOf(id)).status).toBe('submitted');
  });

  test('"Assign to me" goes back only to the console', async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit);
    signInAs(t.staff);
    await expectRedirect(() => assignToMeAction(formData({ requestId: id, returnTo: '//evil.example/staff' })), '/staff');
    // Out of the console by a dot segment, or a line break a redirect header cannot carry: the console instead.
    await expectRedirect(() => assignToMeAction(formData({ requestId: id, returnTo: '/staff/../numbers/port' })), '/staff');
    await expectRedirect(() => assignToMeAction(formData({ requestId: id, returnTo: '/staff?a=\nb' })), '/staff');
    await expectRedirect(() => assignToMeAction(formData({ requestId: id, returnTo: `/staff/requests/${id}` })), `/staff/requests/${id}`);
    expect(flash()?.message).toBe('The request was already assigned to you.');
  });
});

describe('time in status against the targets', () => {
  // Thanksgiving 2026 is Thursday 26 November; 28-29 November a weekend.
  const at = (iso: string) => new Date(`${iso}Z`);

  test('"Past target" counts business days only: a holiday and a weekend do not count', async () => {
    const submitted = await submittedRequest(t.db, t.owner, t.summit);
    const approved = await submittedRequest(t.db, t.owner, t.summit);
    const approvedWithDate = await submittedRequest(t.db, t.owner, t.summit);
    const inReview = await submittedRequest(t.db, t.owner, t.summit);
    // Wednesday 15:00, the day before Thanksgiving: one business day is Wednesday's 9 h and Friday until 15:00.
    await setRequest(submitted, { statusChangedAt: at('2026-11-25T15:00:00') });
    // Tuesday 16:00: Tuesday's 8 h, Wednesday, and Friday until 16:00.
    await setRequest(approved, { status: 'approved', statusChangedAt: at('2026-11-24T16:00:00') });
    await setRequest(approvedWithDate, { status: 'approved', statusChangedAt: at('2026-11-20T10:00:00'), focDate: at('2026-12-04T15:00:00') });
    // Wednesday 09:00: Wednesday's 15 h, Friday, and (past the weekend) Monday until 09:00.
    await setRequest(inReview, { status: 'in_review', statusChangedAt: at('2026-11-25T09:00:00') });

    const past = async (now: string) => new Set(await idsOf({ past: '1' }, at(now)));
    // Thanksgiving did not count: a calendar day later, the submitted one is still within its day.
    expect(await past('2026-11-26T16:00:00')).toEqual(new Set());
    expect(await past('2026-11-27T14:59:00')).toEqual(new Set());
    expect(await past('2026-11-27T15:01:00')).toEqual(new Set([submitted]));
    expect(await past('2026-11-27T16:01:00')).toEqual(new Set([submitted, approved]));
    // The weekend did not count: five calendar days on, the review is still within its two.
    expect(await past('2026-11-30T08:59:00')).toEqual(new Set([submitted, approved]));
    expect(await past('2026-11-30T09:01:00')).toEqual(new Set([submitted, approved, inReview]));
    // A port date stops the approved clock; counting and paging are the SQL filter's.
    const monday = at('2026-11-30T09:01:00');
    expect((await queue({ past: '1' }, monday)).total).toBe(3);
    expect(await idsOf({ past: '1', status: 'approved' }, monday)).toEqual([approved]);

    // The rows the page marks are the rows the filter lists.
    const { missedTarget, targetCutoffs } = await import('@/lib/porting/desk/targets');
    const before = at('2026-11-30T08:59:00');
    const marked = (await queue({}, before)).rows.filter((r) => missedTarget(r, targetCutoffs(before))).map((r) => r.id);
    expect(new Set(marked)).toEqual(new Set([submitted, approved]));
  });

  test('the status machine moves the clock: a review started resets time in status', async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit);
    await setRequest(id, { statusChangedAt: at('2026-11-02T09:00:00') });
    expect(await idsOf({ past: '1' })).toContain(id);
    signInAs(t.staff);
    const { version } = await rowOf(id);
    await expectRedirect(() => startReviewAction(null, formData({ requestId: id, version })), `/staff/requests/${id}`);
    expect(Date.now() - (await rowOf(id)).statusChangedAt.getTime()).toBeLessThan(60_000);
    expect(await idsOf({ past: '1' })).not.toContain(id);
  });
});

describe('bulk "Start review"', () => {
  test('starts what the status machine allows, and names what it could not and why', async () => {
    const first = await submittedRequest(t.db, t.owner, t.summit);
    const second = await submittedRequest(t.db, t.harbor, t.harborLegal);
    const alreadyInReview = await submittedRequest(t.db, t.owner, t.summit);
    const stale = await submittedRequest(t.db, t.owner, t.summit);
    await setRequest(second, { customerName: 'Harbor Legal LLP' });
    await setRequest(alreadyInReview, { customerName: 'Already Reviewed Inc' });
    await setRequest(stale, { customerName: 'Stale Page Co' });
    signInAs(t.staff);
    const v = async (id: string) => (await rowOf(id)).version;
    await expectRedirect(async () => startReviewAction(null, formData({ requestId: alreadyInReview, version: await v(alreadyInReview) })), `/staff/requests/${alreadyInReview}`);
    const staleVersion = await v(stale);
    await setRequest(stale, { version: staleVersion + 1 });

    const picked = [`${first}:${await v(first)}`, `${second}:${await v(second)}`, `${alreadyInReview}:${await v(alreadyInReview)}`, `${stale}:${staleVersion}`];
    const state = await bulkStartReviewAction(null, formData({ picked }));
    expect(state).toMatchObject({
      ok: true,
      outcome: {
        started: [{ requestId: first, name: 'Summit Marketing Group LLC' }, { requestId: second, name: 'Harbor Legal LLP' }],
        refused: [
          { requestId: alreadyInReview, name: 'Already Reviewed Inc', reason: 'Review can start only on a request that was just submitted.' },
          { requestId: stale, name: 'Stale Page Co', reason: expect.stringMatching(/changed while you were looking at it/) },
        ],
      },
    });
    expect(state && state.ok && state.message).toMatch(/^Review started on 2: Summit Marketing Group LLC, Harbor Legal LLP\. Not started on 2: Already Reviewed Inc \(Review can start/);
    for (const [id, status] of [[first, 'in_review'], [second, 'in_review'], [alreadyInReview, 'in_review'], [stale, 'submitted']] as const) expect((await rowOf(id)).status).toBe(status);
    // Each start is the single decision's own: its status_changed event, one each.
    const starts = await t.db.select().from(portRequestEvents).where(eq(portRequestEvents.toStatus, 'in_review'));
    expect(starts.map((e) => e.portRequestId).sort()).toEqual([first, second, alreadyInReview].sort());

    expect(await bulkStartReviewAction(null, formData({}))).toMatchObject({ ok: false, formError: expect.stringMatching(/Tick the requests/) });
  });

  test('a made-up id or a draft is refused on its own row, without a name, and the rest still start', async () => {
    const real = await submittedRequest(t.db, t.owner, t.summit);
    const draft = await draftReadyToSign(t.db, t.harbor, t.harborLegal);
    await setRequest(draft, { customerName: 'Secret Draft Harbor' });
    signInAs(t.staff);
    const picked = [`${'-'.repeat(36)}:1`, `${draft}:${(await rowOf(draft)).version}`, `${real}:${(await rowOf(real)).version}`];
    const state = await bulkStartReviewAction(null, formData({ picked }));
    expect(state).toMatchObject({
      ok: true,
      outcome: {
        started: [{ requestId: real }],
        refused: [
          { requestId: '-'.repeat(36), name: 'A request that was not found', reason: 'It was not found.' },
          { requestId: draft, name: 'A request that was not found', reason: 'It was not found.' },
        ],
      },
    });
    expect(JSON.stringify(state)).not.toContain('Secret Draft Harbor');
    expect((await rowOf(draft)).status).toBe('draft');
  });
});

describe('CSV export', () => {
  const csv = async (query: string) => {
    const response = await exportQueue(new Request(`http://localhost/staff/export?${query}`));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  };

  test('holds only the filtered rows, every page of them, with names that could be formulas kept inert, and never the PIN', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-2+3', '@SUM(A1)'];
    const ids: string[] = [];
    for (const name of hostile) {
      const id = await submittedRequest(t.db, t.owner, t.summit);
      await setRequest(id, { customerName: name, losingCarrier: 'Formula Carrier' });
      ids.push(id);
    }
    const unrelated = await submittedRequest(t.db, t.owner, t.summit);
    signInAs(t.staff);
    const lines = await csv('q=formula+carrier');
    expect(lines[0]).toBe('Request,Reference,Status,In status since (UTC),Past target,Account,Customer name,Losing carrier,Type,Numbers,Port date (UTC),Assigned to,Submitted (UTC)');
    expect(lines).toHaveLength(1 + hostile.length);
    expect(lines.some((l) => l.includes(unrelated))).toBe(false);
    for (const [i, name] of hostile.entries()) {
      const line = lines.find((l) => l.startsWith(ids[i]))!;
      const cells = line.split(',');
      const nameCell = cells.slice(6).join(',');
      // The cell starts with ' (a spreadsheet shows it as text), quoted when it holds a quote or comma.
      expect(nameCell.startsWith(`'${name.slice(0, 3)}`) || nameCell.startsWith(`"'${name.slice(0, 3)}`)).toBe(true);
      expect(cells.every((c) => !/^[=+\-@]/.test(c) && !/^"[=+\-@]/.test(c))).toBe(true);
    }
    expect(holdsSecret(lines.join('\n'), '48213')).toBe(false);

    // The export is every matching row, not the page shown: past the page size and one batch (1,000).
    await t.db.execute(sql`insert into port_requests (account_id, created_by_user_id, status, number_group, losing_carrier, customer_name, carrier_account_number, port_type, completed_steps, submitted_at, updated_at)
      select account_id, created_by_user_id, status, number_group, 'Copy Carrier', 'Copy ' || g, carrier_account_number, port_type, completed_steps, submitted_at, now() - g * interval '1 second'
      from port_requests, generate_series(1, 1100) g where id = ${unrelated}`);
    const everything = await csv('');
    const counted = await t.db.execute(sql`select count(*)::int as open from port_requests where status not in ('draft', 'completed', 'cancelled')`);
    const [{ open }] = (counted as unknown as { rows: { open: number }[] }).rows;
    expect(open).toBeGreaterThan(1100);
    expect(everything.length - 1).toBe(open);
    // The page counts only so far: past the limit it says there are more.
    expect(await queue({})).toMatchObject({ total: QUEUE_COUNT_LIMIT, totalIsMore: true });
    expect(new Set(everything.slice(1).map((l) => l.split(',')[0])).size).toBe(everything.length - 1);
    expect(await csv('assignee=mine')).toHaveLength(1);
  });

  test('a control character typed into a filter is read as a space, on the page and in the export, not an error', async () => {
    const id = await submittedRequest(t.db, t.owner, t.summit);
    await setRequest(id, { customerName: 'Nul Byte Dental' });
    signInAs(t.staff);
    for (const params of [{ q: 'nul\u0000byte' }, { carrier: '\u0000' }, { account: 'a\u0000b' }] as QueueParams[]) {
      await expect(queue(params)).resolves.toBeDefined();
    }
    expect((await queue({ q: 'Nul\u0000Byte' })).rows.map((r) => r.id)).toEqual([id]);
    const lines = await csv('q=Nul%00Byte');
    expect(lines).toHaveLength(2);
  });

  test('is the team\'s only', async () => {
    signInAs(t.owner);
    await expectNotFound(() => exportQueue(new Request('http://localhost/staff/export')));
    signInAs(null);
    await expect(exportQueue(new Request('http://localhost/staff/export'))).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
