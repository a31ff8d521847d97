import 'server-only';
import type { Queryable } from '@/db/client';
import { outboxEmails, type OutboxAttachment } from '@/db/schema';
import type { EmailProps, EmailTemplateName } from '@/emails/templates';
import { getEnv } from '@/lib/config/env';

export type QueuedEmail<N extends EmailTemplateName> = {
  to: string[];
  template: N;
  props: EmailProps<N>;
  subject: string;
  /** What the email is about, e.g. "port-request:<id>", so the app can list what was sent. */
  subjectRef?: string;
  attachments?: OutboxAttachment[];
};

/**
 * The one way to send email: writes the template's name and props to the outbox on `db`, which
 * should be the transaction of the change the email reports, so the two commit or fail together.
 * Nothing is rendered here: the outbox renders at delivery, so a template that fails delays the
 * email and never undoes the change.
 */
export async function queueEmail<N extends EmailTemplateName>(db: Queryable, email: QueuedEmail<N>): Promise<string> {
  const [row] = await db
    .insert(outboxEmails)
    .values({
      template: email.template,
      props: email.props as Record<string, unknown>,
      fromAddress: getEnv().mail.from,
      toAddresses: [...new Set(email.to.map((a) => a.toLowerCase()))],
      // Second guard behind the field schemas: a line break in a subject would start a new header.
      subject: email.subject.replace(/[\p{Cc}\u2028\u2029]+/gu, ' '),
      attachments: email.attachments ?? [],
      subjectRef: email.subjectRef,
    })
    .returning({ id: outboxEmails.id });
  return row.id;
}
