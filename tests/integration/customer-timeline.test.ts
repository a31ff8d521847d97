/**
 * Issue 12, finding 10: the customer's timeline shows only the events meant for customers, and
 * names our team as "the porting team", never a staff member. Every event type the code writes is
 * listed here with the decision; a type written in the code but missing here fails the first test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DatabaseHandle } from '@/db/client';
import { portRequestEvents, staffMembers, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { startReview } from '@/lib/porting/review/decide';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { submitPortRequest } from '@/lib/porting/submission/submit-port-request';
import { CUSTOMER_VISIBLE_EVENT_TYPES } from '@/lib/porting/timeline/customer-visible-events';
import type { Storage } from '@/lib/storage/s3';
import { RequestTimeline } from '@/components/porting/request-timeline';
import { createTestDatabase } from '../helpers/database';
import { accountIdByName, actorByEmail } from '../helpers/demo';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { createTestStorage } from '../helpers/storage';

// Every event type, and whether the customer sees it. 'portability_checked' is the audit record of
// a portability check (being added alongside this change): staff only.
const EVENT_TYPES: Record<string, 'customer' | 'internal'> = {
  draft_created: 'customer',
  status_changed: 'customer',
  corrected: 'customer',
  pin_replaced: 'customer',
  loa_signed: 'customer',
  loa_voided: 'customer',
  customer_note: 'customer',
  team_note: 'customer',
  recipient_added: 'customer',
  recipient_removed: 'customer',
  numbers_rejected: 'customer',
  numbers_ported: 'customer',
  sms_activated: 'customer',
  sms_exception: 'customer',
  pin_revealed: 'internal',
  internal_note: 'internal',
  portability_checked: 'internal',
};
const customerTypes = Object.keys(EVENT_TYPES).filter((t) => EVENT_TYPES[t] === 'customer').sort();

/**
 * The event types the sources write: after `type:` in every insert into portRequestEvents, the
 * literal, each branch of a ?: , or a constant named there and declared as a literal in the sources.
 */
function eventTypesInCode(): Map<string, string[]> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const sources = ['lib', 'app', 'db', 'scripts'].flatMap((d) => walk(path.join(process.cwd(), d))).map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  const constants = new Map(sources.flatMap(({ source }) => [...source.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*'([a-z_]+)'/g)].map((m) => [m[1], m[2]] as const)));
  const found = new Map<string, string[]>();
  for (const { file, source } of sources) {
    for (const insert of source.matchAll(/insert\(portRequestEvents\)/g)) {
      const values = source.slice(insert.index, source.indexOf('});', insert.index));
      const expression = /\btype:\s*([^,\n}]+)/.exec(values)?.[1] ?? '';
      const types = [...expression.matchAll(/(?:^|[?:])\s*(?:'([a-z_]+)'|([A-Z][A-Z0-9_]*)\b)/g)].map((m) => m[1] ?? constants.get(m[2]) ?? '');
      // An insert whose type cannot be read here (empty, or a value not declared as a literal) fails the test.
      found.set(`${path.relative(process.cwd(), file)}@${insert.index}`, types);
    }
  }
  return found;
}

let handle: DatabaseHandle;
let storage: Storage;
let owner: Actor, demoStaff: Actor, staffer: Actor;
let requestId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  storage = await createTestStorage();
  await seedDemo(handle.db);
  owner = await actorByEmail(handle.db, 'owner@summit.example');
  demoStaff = await actorByEmail(handle.db, 'regulatory@porting.example');
  // A staff member with a person's name, the way the console shows it to staff.
  const [user] = await handle.db.insert(users).values({ email: 'jordan.staffer@porting.example', name: 'Jordan Staffer' }).returning({ id: users.id });
  await handle.db.insert(staffMembers).values({ userId: user.id, role: 'regulatory' });
  staffer = (await loadActor(handle.db, user.id))!;
  requestId = await draftReadyToSign(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'), ['+14105550160']);
  await signDraft(handle.db, owner, requestId);
  await submitPortRequest(handle.db, owner, requestId, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
});
afterAll(async () => {
  await storage.close();
  await handle.close();
});

test('every event type the code writes is listed here, and the customer-visible list in lib matches the decisions here', () => {
  const found = eventTypesInCode();
  expect(found.size).toBeGreaterThan(10);
  for (const [where, types] of found) expect({ where, readable: types.length > 0 && types.every(Boolean) }).toEqual({ where, readable: true });
  const missing = [...new Set([...found.values()].flat())].filter((t) => !(t in EVENT_TYPES));
  expect(missing).toEqual([]);
  expect([...CUSTOMER_VISIBLE_EVENT_TYPES].sort()).toEqual(customerTypes);
});

test('the customer sees only the customer events, with our team as "the porting team" and their own users by name; staff see all, with names', async () => {
  const types = Object.keys(EVENT_TYPES);
  for (const actor of [staffer, owner]) {
    await handle.db.insert(portRequestEvents).values(
      types.map((type) => ({ portRequestId: requestId, actorUserId: actor.userId, type, toStatus: type === 'status_changed' ? ('in_review' as const) : undefined, reason: `${type} reason` })),
    );
  }

  const forCustomer = await getPortRequestDetail(handle.db, owner, requestId);
  expect([...new Set(forCustomer.events.map((e) => e.type))].sort()).toEqual(customerTypes);
  for (const type of types) {
    const shown = forCustomer.events.filter((e) => e.type === type && e.reason === `${type} reason`).map((e) => e.actorName);
    expect({ type, shown }).toEqual({ type, shown: EVENT_TYPES[type] === 'customer' ? ['the porting team', owner.name] : [] });
  }
  const everything = JSON.stringify(forCustomer);
  for (const staff of [staffer, demoStaff]) {
    expect(everything).not.toContain(staff.name!);
    expect(everything).not.toContain(staff.email);
  }

  const forStaff = await getPortRequestDetail(handle.db, demoStaff, requestId);
  for (const type of types) {
    expect({ type, by: forStaff.events.filter((e) => e.type === type && e.reason === `${type} reason`).map((e) => e.actorName) }).toEqual({ type, by: ['Jordan Staffer', owner.name] });
  }
});

test('after a staff member starts the review and reveals the PIN, the customer\'s page says "the porting team" and nothing of the PIN', async () => {
  const id = await draftReadyToSign(handle.db, owner, await accountIdByName(handle.db, 'Summit Marketing Group'), ['+14105550161']);
  await signDraft(handle.db, owner, id);
  await submitPortRequest(handle.db, owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  const { request } = await getPortRequestDetail(handle.db, owner, id);
  await startReview(handle.db, staffer, id, request.version);
  await revealAccountPin(handle.db, staffer, id);

  const { events } = await getPortRequestDetail(handle.db, owner, id);
  expect(events.map((e) => e.type)).not.toContain('pin_revealed');
  const page = renderToStaticMarkup(RequestTimeline({ events }));
  expect(page).toContain('Status: In review by the porting team');
  expect(page).toContain(`Letter of Authorization signed by ${owner.name}`);
  expect(page).not.toMatch(/Jordan Staffer|Regulatory Team|PIN revealed|pin_revealed/i);

  // The console still shows who looked at the PIN.
  const { events: staffEvents } = await getPortRequestDetail(handle.db, demoStaff, id);
  expect(staffEvents.filter((e) => e.type === 'pin_revealed').map((e) => e.actorName)).toEqual(['Jordan Staffer']);
});
