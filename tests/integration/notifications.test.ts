/**
 * Issue 13: services record events; lib/notifications turns the customer-visible ones into emails
 * (and the same words in the notes), queued in the event's transaction as a template name and its
 * props, rendered only at delivery.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { eq, sql } from 'drizzle-orm';
import { memberships, outboxEmails, portRequestNotes, portRequestRecipients, portRequests, staffMembers, users } from '@/db/schema';
import { EMAIL_TEMPLATES } from '@/emails/templates';
import { canUseAccount, loadActor, type Actor } from '@/lib/auth/actor';
import { requestUpdateRecipients } from '@/lib/notifications/recipients';
import { deliverDueEmails } from '@/lib/mail/deliver-outbox';
import { mailboxTransport } from '@/lib/mail/transport';
import { EVENT_TYPE_NAMES, EVENT_TYPES, type PortRequestEvent, type PortRequestEventType } from '@/lib/porting/events/port-request-event';
import { recordEvent } from '@/lib/porting/events/record-event';
import { addRecipient } from '@/lib/porting/notes/recipients';
import { getPortRequestDetail } from '@/lib/porting/queries/get-port-request-detail';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { RequestTimeline } from '@/components/porting/request-timeline';
import { renderedEmails } from '../helpers/emails';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft, TEST_PIN } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

// Counts every statement sent to the database, to show that work does not grow with recipients.
const queries = { count: 0, logQuery() { this.count += 1; } };

// Each test's database (the same engine as the run: PGlite or PostgreSQL) has its statements counted.
const t = setupTestContext({ queryLogger: queries });
let staffer: Actor;

beforeEach(async () => {
  // A staff member with a person's name: customers must never read it.
  const [user] = await t.db.insert(users).values({ email: 'jordan.staffer@porting.example', name: 'Jordan Staffer' }).returning({ id: users.id });
  await t.db.insert(staffMembers).values({ userId: user.id, role: 'regulatory' });
  staffer = (await loadActor(t.db, user.id))!;
});
afterEach(() => {
  jest.restoreAllMocks();
});

async function inReview(): Promise<string> {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, staffer, id, await version(id));
  return id;
}

const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;
const statusOf = async (id: string) => (await t.db.select({ s: portRequests.status }).from(portRequests).where(eq(portRequests.id, id)))[0].s;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

test('a template that fails does not undo the decision it reports, and the email goes out once the template is fixed', async () => {
  const id = await inReview();
  const broken = jest.spyOn(EMAIL_TEMPLATES, 'request-approved').mockImplementation(() => {
    throw new Error('the template is broken');
  });
  await approveRequest(t.db, staffer, id, await version(id));
  expect(await statusOf(id)).toBe('approved');

  const transport = mailboxTransport(t.db);
  await deliverDueEmails({ db: t.db, transport, now: later(1) });
  const [waiting] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'request-approved'));
  expect(waiting).toMatchObject({ status: 'pending', html: null });
  expect(waiting.lastError).toContain('the template is broken');

  broken.mockRestore();
  await deliverDueEmails({ db: t.db, transport, now: later(60) });
  const [sent] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.template, 'request-approved'));
  expect(sent.status).toBe('sent');
  expect(sent.html).toContain('Your port request is approved');
});

test('one update to many recipients takes as many statements as to one', async () => {
  // Ten more users of the account, each added as a recipient of the second request.
  const people = await t.db
    .insert(users)
    .values(Array.from({ length: 10 }, (_, i) => ({ email: `follower${i}@summit.example`, name: `Follower ${i}` })))
    .returning({ id: users.id, email: users.email });
  await t.db.insert(memberships).values(people.map((p) => ({ userId: p.id, accountId: t.summit, role: 'member' as const })));
  const alone = await inReview();
  const followed = await inReview();
  for (const p of people) await addRecipient(t.db, t.owner, followed, p.email);

  const statementsToApprove = async (id: string) => {
    const v = await version(id);
    queries.count = 0;
    await approveRequest(t.db, staffer, id, v);
    return queries.count;
  };
  const one = await statementsToApprove(alone);
  const eleven = await statementsToApprove(followed);
  expect(eleven).toBe(one);
  const [email] = await t.db.select().from(outboxEmails).where(sql`${outboxEmails.subjectRef} = ${`port-request:${followed}`} and ${outboxEmails.template} = 'request-approved'`);
  expect(email.toAddresses).toHaveLength(11);
});

// One example of every event type; a type added to the union without one here fails to compile.
const SAMPLES: { [T in PortRequestEventType]: Extract<PortRequestEvent, { type: T }> } = {
  draft_created: { type: 'draft_created' },
  draft_expiry_warned: { type: 'draft_expiry_warned', untouchedSince: '2026-11-01T10:00:00.000Z', removeOn: '2026-12-01T10:00:00.000Z' },
  draft_removed: { type: 'draft_removed', untouchedSince: '2026-11-01T10:00:00.000Z', numbers: 3 },
  status_changed: { type: 'status_changed', from: 'in_review', to: 'changes_needed', reasons: [{ code: 'zip_mismatch' }], note: 'The CSR shows 21201.' },
  corrected: { type: 'corrected', step: 'address' },
  pin_replaced: { type: 'pin_replaced' },
  loa_signed: { type: 'loa_signed', signerName: 'Dana Whitfield', kind: 'typed', contentSha256: 'a'.repeat(64) },
  loa_voided: { type: 'loa_voided', reason: 'The billing address changed after the LOA was signed.' },
  loa_signature_requested: { type: 'loa_signature_requested', signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield.example' },
  loa_signature_declined: { type: 'loa_signature_declined', signerName: 'Dana Whitfield', reason: 'The account number is not ours.' },
  loa_signature_revoked: { type: 'loa_signature_revoked', signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield.example' },
  customer_note: { type: 'customer_note' },
  team_note: { type: 'team_note' },
  internal_note: { type: 'internal_note' },
  recipient_added: { type: 'recipient_added', email: 'analyst@summit.example' },
  recipient_removed: { type: 'recipient_removed' },
  numbers_rejected: { type: 'numbers_rejected', numbers: ['+14105550399'], reason: 'Disconnected at the carrier.' },
  numbers_ported: { type: 'numbers_ported', numbers: ['+14105550399'], reroutedTrackingNumbers: 0, smsActivationAt: '2026-12-04T15:00:00.000Z' },
  sms_activated: { type: 'sms_activated', numbers: ['+14105550399'] },
  sms_exception: { type: 'sms_exception', numbers: ['+14105550399'], reason: 'The carrier has not updated its routing' },
  pin_revealed: { type: 'pin_revealed' },
  portability_checked: { type: 'portability_checked', lines: 3 },
  carrier_order_queued: { type: 'carrier_order_queued', carrier: 'telnyx', numbers: ['+14105550399'] },
  carrier_order_placed: { type: 'carrier_order_placed', via: 'carrier', orders: [{ externalId: 'po_1', supportKey: 'sr_1', numbers: ['+14105550399'] }] },
  carrier_order_failed: { type: 'carrier_order_failed', error: 'The carrier refused the order: invalid LOA.' },
  carrier_exception: { type: 'carrier_exception', via: 'carrier', externalId: 'po_1', exceptions: [{ code: 'PHONE_NUMBER_HAS_SPECIAL_FEATURE' }], forCustomer: [], teamOnly: ['PHONE_NUMBER_HAS_SPECIAL_FEATURE'] },
  carrier_order_updated: { type: 'carrier_order_updated', externalId: 'po_1', fields: ['pin'], newLoa: false },
  carrier_order_cancelled: { type: 'carrier_order_cancelled', via: 'carrier', externalId: 'po_1' },
  carrier_foc_change_requested: { type: 'carrier_foc_change_requested', externalId: 'po_1', focAt: '2026-12-10T15:00:00.000Z', bestEffort: false },
  carrier_activation_requested: { type: 'carrier_activation_requested', externalId: 'po_1' },
  assignment_changed: { type: 'assignment_changed', assigneeUserId: 'user_1', assigneeName: 'Dana Reyes' },
};

test('each event type shows to the customer only if it is theirs to see: in the timeline, the notes and the emails, with our team as "the porting team"', async () => {
  const id = await inReview();
  const before = { emails: await renderedEmails(t.db, eq(outboxEmails.subjectRef, `port-request:${id}`)), notes: await notesOf(id) };
  const teamOnly = EVENT_TYPE_NAMES.filter((t) => EVENT_TYPES[t].visibility === 'team');
  expect(teamOnly.sort()).toEqual([
    'assignment_changed',
    'carrier_activation_requested',
    'carrier_exception',
    'carrier_foc_change_requested',
    'carrier_order_cancelled',
    'carrier_order_failed',
    'carrier_order_placed',
    'carrier_order_queued',
    'carrier_order_updated',
    'draft_removed',
    'internal_note',
    'pin_revealed',
    'portability_checked',
  ]);

  // A team-only event, whoever records it, reaches no email and no note.
  for (const type of teamOnly) await t.db.transaction((tx) => recordEvent(tx, { requestId: id, actor: staffer }, SAMPLES[type]));
  expect(await renderedEmails(t.db, eq(outboxEmails.subjectRef, `port-request:${id}`))).toHaveLength(before.emails.length);
  expect(await notesOf(id)).toEqual(before.notes);

  for (const type of EVENT_TYPE_NAMES.filter((t) => EVENT_TYPES[t].visibility === 'customer')) {
    await t.db.transaction((tx) => recordEvent(tx, { requestId: id, actor: staffer }, SAMPLES[type]));
  }
  const { events } = await getPortRequestDetail(t.db, t.owner, id);
  const shownTypes = new Set(events.map((e) => e.type));
  for (const type of EVENT_TYPE_NAMES) expect({ type, shown: shownTypes.has(type) }).toEqual({ type, shown: EVENT_TYPES[type].visibility === 'customer' });
  const timeline = renderToStaticMarkup(RequestTimeline({ events, timeZone: 'America/New_York' }));
  for (const type of EVENT_TYPE_NAMES.filter((t) => EVENT_TYPES[t].visibility === 'customer' && t !== 'status_changed')) {
    expect(timeline).toContain(`${EVENT_TYPES[type].label} by the porting team`);
  }
  for (const type of teamOnly) expect(timeline).not.toContain(EVENT_TYPES[type].label);

  const emails = await renderedEmails(t.db, eq(outboxEmails.subjectRef, `port-request:${id}`));
  const newEmails = emails.slice(before.emails.length);
  expect(newEmails.map((e) => e.template).sort()).toEqual(['changes-needed', 'draft-expiring', 'loa-signature-declined', 'numbers-ported', 'numbers-rejected', 'recipient-added', 'sms-enabled', 'sms-exception']);
  const customerFacing = [timeline, ...newEmails.flatMap((e) => [e.subject, e.html, e.text]), ...(await notesOf(id))].join('\n');
  for (const secret of ['Jordan Staffer', staffer.email, TEST_PIN, 'Account PIN revealed', 'Internal note added', 'Portability checked', 'Carrier exception', 'PHONE_NUMBER_HAS_SPECIAL_FEATURE']) {
    expect({ secret, shown: customerFacing.includes(secret) }).toEqual({ secret, shown: false });
  }
  const added = newEmails.find((e) => e.template === 'recipient-added')!;
  expect(added.text).toContain('The porting team added you');
});

async function notesOf(id: string) {
  return (await t.db.select({ body: portRequestNotes.body }).from(portRequestNotes).where(eq(portRequestNotes.portRequestId, id)).orderBy(portRequestNotes.createdAt)).map((n) => n.body);
}

test('the recipients query agrees with the account rule of lib/auth/actor for every user of the platform', async () => {
  // An agency request and a sub-account request, each with every user of the platform added (raw rows:
  // the add form refuses some of them, and the query must hold even for rows written before a change of access).
  const agency = await inReview();
  const dental = await draftReadyToSign(t.db, t.owner, t.summitDental, [t.freshNumber()]);
  const everyone = await t.db.select({ id: users.id, email: users.email }).from(users);
  for (const requestId of [agency, dental]) {
    await t.db.insert(portRequestRecipients).values(everyone.map((u) => ({ portRequestId: requestId, userId: u.id, addedByUserId: t.owner.userId })));
    const [request] = await t.db.select().from(portRequests).where(eq(portRequests.id, requestId));
    const expected: string[] = [];
    for (const userId of [request.createdByUserId, ...everyone.map((u) => u.id)]) {
      const person = (await loadActor(t.db, userId))!;
      if (!person.isStaff && canUseAccount(person, request.accountId) && !expected.includes(person.email)) expected.push(person.email);
    }
    expect(expected.length).toBeGreaterThan(1);
    expect((await requestUpdateRecipients(t.db, requestId)).sort()).toEqual(expected.sort());
  }
});
