import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed']);

export type OutboxAttachment = { filename: string; contentType: string; contentBase64: string };

// Every email is written here inside the transaction of the change it reports, as a template name
// and its props; lib/mail/deliver-outbox renders and delivers it after commit, so a failing
// template or mail service delays a message, never drops it or the change it reports.
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    template: text('template').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddresses: text('to_addresses').array().notNull(),
    subject: text('subject').notNull(),
    props: jsonb('props').$type<Record<string, unknown>>().notNull().default({}),
    // Null until rendered at delivery.
    html: text('html'),
    text: text('text'),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    // What the message is about, so a request page can list the emails sent for it.
    subjectRef: text('subject_ref'),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_subject_ref_idx').on(t.subjectRef),
  ],
);

// The local mailbox transport's store: what /dev/mailbox shows. Keyed by the outbox id so a
// retried delivery cannot show a message twice.
export const mailboxMessages = pgTable('mailbox_messages', {
  outboxId: uuid('outbox_id').primaryKey(),
  fromAddress: text('from_address').notNull(),
  toAddresses: text('to_addresses').array().notNull(),
  subject: text('subject').notNull(),
  html: text('html').notNull(),
  text: text('text').notNull(),
  attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
});
