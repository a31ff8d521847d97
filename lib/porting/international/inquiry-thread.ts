import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { accounts, internationalInquiryMessages, internationalPortInquiries, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { getEnv } from '@/lib/config/env';
import { NotFoundError } from '@/lib/errors';
import { queueEmail } from '@/lib/mail/queue-email';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An inquiry the actor may see: staff every one, account users those of their accounts. */
export async function findInternationalInquiry(db: Queryable, actor: Actor, inquiryId: string) {
  if (!UUID.test(inquiryId)) throw new NotFoundError('That inquiry');
  const [inquiry] = await db.select().from(internationalPortInquiries).where(eq(internationalPortInquiries.id, inquiryId));
  if (!inquiry || (!actor.isStaff && !actor.accounts.some((a) => a.id === inquiry.accountId))) throw new NotFoundError('That inquiry');
  return inquiry;
}

/** The customer's inquiries in the accounts they may use, newest first. */
export async function listInquiriesForActor(db: Queryable, actor: Actor) {
  const ids = actor.accounts.map((a) => a.id);
  if (ids.length === 0) return [];
  return db
    .select({ id: internationalPortInquiries.id, countries: internationalPortInquiries.countries, numbers: internationalPortInquiries.numbers, status: internationalPortInquiries.status, createdAt: internationalPortInquiries.createdAt, accountName: accounts.name })
    .from(internationalPortInquiries)
    .innerJoin(accounts, eq(accounts.id, internationalPortInquiries.accountId))
    .where(inArray(internationalPortInquiries.accountId, ids))
    .orderBy(desc(internationalPortInquiries.createdAt))
    .limit(50);
}

export async function getInquiryThread(db: Queryable, actor: Actor, inquiryId: string) {
  const inquiry = await findInternationalInquiry(db, actor, inquiryId);
  const messages = await db
    .select({ id: internationalInquiryMessages.id, body: internationalInquiryMessages.body, fromTeam: internationalInquiryMessages.fromTeam, createdAt: internationalInquiryMessages.createdAt, authorName: users.name })
    .from(internationalInquiryMessages)
    .innerJoin(users, eq(users.id, internationalInquiryMessages.authorUserId))
    .where(eq(internationalInquiryMessages.inquiryId, inquiryId))
    .orderBy(asc(internationalInquiryMessages.createdAt));
  return {
    inquiry,
    messages: messages.map((m) => ({ ...m, visibility: 'public' as const, authorName: m.fromTeam && !actor.isStaff ? 'Regulatory team' : m.authorName })),
  };
}

/** A message in the inquiry's thread; the team's replies are emailed to the person who asked. */
export async function replyToInquiry(db: Database, actor: Actor, inquiryId: string, body: string): Promise<void> {
  await db.transaction(async (tx) => {
    const inquiry = await findInternationalInquiry(tx, actor, inquiryId);
    await tx.insert(internationalInquiryMessages).values({ inquiryId, authorUserId: actor.userId, fromTeam: actor.isStaff, body });
    if (!actor.isStaff) return;
    const [asker] = await tx.select({ email: users.email }).from(users).where(eq(users.id, inquiry.createdByUserId));
    const label = `International port inquiry: ${inquiry.countries.join(', ')}, ${inquiry.numbers.length} number(s)`;
    await queueEmail(tx, {
      to: [asker.email],
      subject: `Reply from the regulatory team · ${label}`,
      template: 'inquiry-reply',
      subjectRef: `international-inquiry:${inquiryId}`,
      props: {
        requestLabel: label,
        requestUrl: `${getEnv().appUrl}/numbers/port/international/${inquiryId}`,
        linkLabel: 'Open the inquiry',
        update: { headline: 'The regulatory team replied', paragraphs: ['Answer from the inquiry page.'], quote: { author: 'Regulatory team', body } },
      },
    });
  });
}
