/**
 * Issue 12, finding 10: the customer's timeline shows only the events meant for customers, and
 * names our team as "the porting team", never a staff member. Every event type of the union in
 * lib/porting/events is listed here with the decision; a type added there but not here fails the first test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { portRequestEvents, staffMembers, users } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { startReview } from '@/lib/porting/review/decide';
import { revealAccountPin } from '@/lib/porting/review/reveal-pin';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { CUSTOMER_EVENT_TYPES, EVENT_TYPES as LIB_EVENT_TYPES } from '@/lib/porting/events/port-request-event';
import { RequestTimeline } from '@/components/porting/request-timeline';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

// Every event type, and whether the customer sees it. 'portability_checked' is the audit record of
// a portability check (being added alongside this change): staff only.
const EVENT_TYPES: Record<string, 'customer' | 'internal'> = {
  draft_created: 'customer',
  status_changed: 'customer',
  corrected: 'customer',
  pin_replaced: 'customer',
  loa_signed: 'customer',
  loa_voided: 'customer',
  loa_signature_requested: 'customer',
  loa_signature_declined: 'customer',
  loa_signature_revoked: 'customer',
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
  // The upstream carrier order (issue 15): the team's; the customer sees its effects (port date, changes, ported).
  carrier_order_queued: 'internal',
  carrier_order_placed: 'internal',
  carrier_order_failed: 'internal',
  carrier_exception: 'internal',
  carrier_order_updated: 'internal',
  carrier_order_cancelled: 'internal',
  carrier_foc_change_requested: 'internal',
  carrier_activation_requested: 'internal',
  // The desk's assignment (issue 16): who on the team holds it is the team's business.
  assignment_changed: 'internal',
  // Draft expiry (issue 16): the customer is told a draft will go; its removal is the account's audit record.
  draft_expiry_warned: 'customer',
  draft_removed: 'internal',
};
const customerTypes = Object.keys(EVENT_TYPES).filter((t) => EVENT_TYPES[t] === 'customer').sort();

/** Where the sources write to port_request_events: the file of each insert. */
function eventInsertsInCode(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  return ['lib', 'app', 'db', 'scripts', 'components']
    .flatMap((d) => walk(path.join(process.cwd(), d)))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/insert\(portRequestEvents\)/g)].map(() => path.relative(process.cwd(), file)));
}

const t = setupTestContext();
let staffer: Actor;

beforeEach(async () => {
  // A staff member with a person's name, the way the console shows it to staff.
  const [user] = await t.db.insert(users).values({ email: 'jordan.staffer@porting.example', name: 'Jordan Staffer' }).returning({ id: users.id });
  await t.db.insert(staffMembers).values({ userId: user.id, role: 'regulatory' });
  staffer = (await loadActor(t.db, user.id))!;
});

/** A request of the owner's, submitted. */
async function submittedRequest() {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  return id;
}

test('every event type is decided here, the union in lib agrees, and recordEvent is the only writer of the audit trail', () => {
  expect(eventInsertsInCode()).toEqual(['lib/porting/events/record-event.ts']);
  expect(Object.fromEntries(Object.entries(LIB_EVENT_TYPES).map(([type, t]) => [type, t.visibility === 'customer' ? 'customer' : 'internal']))).toEqual(EVENT_TYPES);
  expect([...CUSTOMER_EVENT_TYPES].sort()).toEqual(customerTypes);
});

test('the customer sees only the customer events, with our team as "the porting team" and their own users by name; staff see all, with names', async () => {
  const requestId = await submittedRequest();
  const types = Object.keys(EVENT_TYPES);
  for (const actor of [staffer, t.owner]) {
    await t.db.insert(portRequestEvents).values(
      types.map((type) => ({ portRequestId: requestId, actorUserId: actor.userId, type, toStatus: type === 'status_changed' ? ('in_review' as const) : undefined, reason: `${type} reason` })),
    );
  }

  const forCustomer = await getPortRequestDetail(t.db, t.owner, requestId);
  expect([...new Set(forCustomer.events.map((e) => e.type))].sort()).toEqual(customerTypes);
  for (const type of types) {
    const shown = forCustomer.events.filter((e) => e.type === type && e.reason === `${type} reason`).map((e) => e.actorName);
    expect({ type, shown }).toEqual({ type, shown: EVENT_TYPES[type] === 'customer' ? ['the porting team', t.owner.name] : [] });
  }
  const everything = JSON.stringify(forCustomer);
  for (const staff of [staffer, t.staff]) {
    expect(everything).not.toContain(staff.name!);
    expect(everything).not.toContain(staff.email);
  }

  const forStaff = await getPortRequestDetail(t.db, t.staff, requestId);
  for (const type of types) {
    expect({ type, by: forStaff.events.filter((e) => e.type === type && e.reason === `${type} reason`).map((e) => e.actorName) }).toEqual({ type, by: ['Jordan Staffer', t.owner.name] });
  }
});

test('after a staff member starts the review and reveals the PIN, the customer\'s page says "the porting team" and nothing of the PIN', async () => {
  const id = await submittedRequest();
  const { request } = await getPortRequestDetail(t.db, t.owner, id);
  await startReview(t.db, staffer, id, request.version);
  await revealAccountPin(t.db, staffer, id);

  const { events } = await getPortRequestDetail(t.db, t.owner, id);
  expect(events.map((e) => e.type)).not.toContain('pin_revealed');
  const page = renderToStaticMarkup(RequestTimeline({ events, timeZone: 'America/New_York' }));
  expect(page).toContain('Status: In review by the porting team');
  expect(page).toContain(`Letter of Authorization signed by ${t.owner.name}`);
  expect(page).not.toMatch(/Jordan Staffer|Regulatory Team|PIN revealed|pin_revealed/i);

  // The console still shows who looked at the PIN.
  const { events: staffEvents } = await getPortRequestDetail(t.db, t.staff, id);
  expect(staffEvents.filter((e) => e.type === 'pin_revealed').map((e) => e.actorName)).toEqual(['Jordan Staffer']);
});
