import 'server-only';
import type { ReactElement } from 'react';
import { render } from '@react-email/components';
import type { Queryable } from '@/db/client';
import { outboxEmails, type OutboxAttachment } from '@/db/schema';
import { getEnv } from '@/lib/config/env';

export type Email = {
  to: string[];
  subject: string;
  /** Which template, for listing and debugging ("sign-in-link", "port-submitted", ...). */
  template: string;
  body: ReactElement;
  /** What the email is about, e.g. "port-request:<id>", so the app can list what was sent. */
  subjectRef?: string;
  attachments?: OutboxAttachment[];
};

/**
 * The one way to send email: renders it and writes it to the outbox on `db`, which should be the
 * transaction of the change the email reports, so the two commit or fail together.
 */
export async function sendEmail(db: Queryable, email: Email): Promise<string> {
  const [html, text] = await Promise.all([render(email.body), render(email.body, { plainText: true })]);
  const [row] = await db
    .insert(outboxEmails)
    .values({
      template: email.template,
      fromAddress: getEnv().mail.from,
      toAddresses: [...new Set(email.to.map((a) => a.toLowerCase()))],
      // Second guard behind the field schemas: a line break in a subject would start a new header.
      subject: email.subject.replace(/[\p{Cc}\u2028\u2029]+/gu, ' '),
      html,
      text,
      attachments: email.attachments ?? [],
      subjectRef: email.subjectRef,
    })
    .returning({ id: outboxEmails.id });
  return row.id;
}
