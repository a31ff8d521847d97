/**
 * Every port-date invitation the app sends, read by ical.js (an iCalendar parser nobody here
 * wrote) with RFC 5545/5546 beside it: METHOD:PUBLISH with an ORGANIZER (the platform's sender),
 * lines folded at 75 octets, one UID for the request whose SEQUENCE rises when the date changes.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { outboxEmails, portRequests } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { approveRequest, startReview } from '@/lib/porting/review/decide';
import { portDateIcs } from '@/lib/porting/review/port-date-ics';
import { schedulePort } from '@/lib/porting/review/schedule-port';
import { submitPortRequest } from '@/lib/porting/wizard/proof';
import { renderedEmails } from '../helpers/emails';
import { tinyPng } from '../helpers/files';
import { draftReadyToSign, signDraft } from '../helpers/port-requests';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext();
const version = async (id: string) => (await t.db.select({ v: portRequests.version }).from(portRequests).where(eq(portRequests.id, id)))[0].v;

function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const organizer = vevent.getFirstProperty('organizer')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    version: calendar.getFirstPropertyValue('version'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    stamp: vevent.getFirstPropertyValue('dtstamp')?.toString(),
    organizer: organizer.getFirstValue(),
    organizerName: organizer.getParameter('cn'),
    summary: event.summary,
    description: event.description,
    url: vevent.getFirstPropertyValue('url'),
  };
}

const longestLine = (ics: string) => Math.max(...ics.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8')));

test('the first invitation and the one for a changed date: same UID, higher SEQUENCE, the organizer, folded lines', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-08', focTime: '15:00', version: await version(id) });
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-10', focTime: '16:30', version: await version(id) });

  const emails = await t.db
    .select()
    .from(outboxEmails)
    .where(inArray(outboxEmails.template, ['port-date-scheduled', 'port-date-changed']))
    .orderBy(asc(outboxEmails.createdAt));
  const invitations = emails.flatMap((e) => e.attachments.filter((a) => a.filename.endsWith('.ics')).map((a) => ({ template: e.template, ics: Buffer.from(a.contentBase64, 'base64').toString('utf8') })));
  expect(invitations.map((i) => i.template)).toEqual(['port-date-scheduled', 'port-date-changed']);

  const [first, changed] = invitations.map((i) => read(i.ics));
  const sender = /<(.+)>/.exec(getEnv().mail.from)![1];
  for (const [invitation, parsed] of [[invitations[0], first], [invitations[1], changed]] as const) {
    expect(parsed).toMatchObject({
      method: 'PUBLISH',
      version: '2.0',
      uid: `port-${id}@port-numbers`,
      organizer: `mailto:${sender}`,
      organizerName: 'Port Numbers',
      summary: 'Phone numbers port to the platform',
      // In the customer's zone, named (the billing address is in Maryland); the start itself stays in UTC.
      description: `Port time: ${invitation === invitations[0] ? 'Dec 8, 2026, 10:00 AM EST' : 'Dec 10, 2026, 11:30 AM EST'}, Eastern Time (New York). Port request: ${getEnv().appUrl}/numbers/port/${id}`,
      url: `${getEnv().appUrl}/numbers/port/${id}`,
    });
    expect(parsed.stamp).toMatch(/Z$/);
    expect(longestLine(invitation.ics)).toBeLessThanOrEqual(75);
    expect(invitation.ics.endsWith('\r\n')).toBe(true);
  }
  // The description is longer than a line: it was folded, and ical.js put it back together.
  expect(invitations[0].ics).toMatch(/\r\n [^\r\n]/);
  expect([first.start, first.end]).toEqual(['2026-12-08T15:00:00.000Z', '2026-12-08T17:00:00.000Z']);
  expect([changed.start, changed.end]).toEqual(['2026-12-10T16:30:00.000Z', '2026-12-10T18:30:00.000Z']);
  expect(changed.sequence).toBeGreaterThan(first.sequence);
});

test('folding never splits a character, and text with commas, semicolons and line breaks comes back as written', () => {
  const summary = `Portage des numéros, étape finale; « Montréal » ${'é'.repeat(60)}`;
  const description = 'Line one\nLine two, with a comma; and a semicolon \\ and a backslash';
  const ics = portDateIcs({
    requestId: '7c46baf2-53f6-473a-9688-07b9bf209ba8',
    focDate: new Date('2026-12-15T14:00:00Z'),
    summary,
    description,
    url: 'https://ports.example.com/numbers/port/7c46baf2-53f6-473a-9688-07b9bf209ba8',
    sequence: 3,
    organizer: '"Porting, Inc." <porting@example.com>',
  });
  expect(longestLine(ics)).toBeLessThanOrEqual(75);
  expect(ics).not.toContain('\uFFFD');
  expect(read(ics)).toMatchObject({ summary, description, sequence: 3, organizer: 'mailto:porting@example.com', organizerName: 'Porting, Inc.' });
});

test('a bare sender address is the organizer without a name', () => {
  const ics = portDateIcs({ requestId: 'x', focDate: new Date('2026-12-15T14:00:00Z'), summary: 's', description: 'd', url: 'https://ports.example.com/', sequence: 1, organizer: 'porting@example.com' });
  expect(read(ics)).toMatchObject({ organizer: 'mailto:porting@example.com', organizerName: undefined });
});

test('the team enters the time in a zone it names; the customer reads it in theirs, named, in the email and the invitation', async () => {
  const id = await draftReadyToSign(t.db, t.owner, t.summit, [t.freshNumber()]);
  await signDraft(t.db, t.owner, id);
  await submitPortRequest(t.db, t.owner, id, [{ name: 'bill.png', bytes: new Uint8Array(tinyPng()) }]);
  await startReview(t.db, t.staff, id, await version(id));
  await approveRequest(t.db, t.staff, id, await version(id));
  // 09:00 in Los Angeles is 17:00 UTC, noon in Maryland, where the billing address is.
  await schedulePort(t.db, t.staff, id, { focDate: '2026-12-08', focTime: '09:00', focTimeZone: 'America/Los_Angeles', version: await version(id) });
  const [{ focDate }] = await t.db.select({ focDate: portRequests.focDate }).from(portRequests).where(eq(portRequests.id, id));
  expect(focDate?.toISOString()).toBe('2026-12-08T17:00:00.000Z');

  const [email] = await renderedEmails(t.db, and(eq(outboxEmails.subjectRef, `port-request:${id}`), eq(outboxEmails.template, 'port-date-scheduled')));
  expect(email.subject).toContain('Port date set for Tue, Dec 8, 2026');
  expect(email.html).toContain('Your numbers port on Dec 8, 2026, 12:00 PM EST');
  expect(email.text).toContain('The time is Eastern Time (New York), from the billing address on the request.');
  expect(email.text).not.toContain('UTC');
  const ics = read(Buffer.from(email.attachments[0].contentBase64, 'base64').toString('utf8'));
  expect(ics.start).toBe('2026-12-08T17:00:00.000Z');
  expect(ics.description).toMatch(/^Port time: Dec 8, 2026, 12:00 PM EST, Eastern Time \(New York\)\./);
});
