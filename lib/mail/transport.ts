import 'server-only';
import { Resend } from 'resend';
import type { Queryable } from '@/db/client';
import { mailboxMessages, type outboxEmails } from '@/db/schema';

export type OutboxMessage = typeof outboxEmails.$inferSelect;
/** A message as handed to a transport: rendered. */
export type RenderedMessage = OutboxMessage & { html: string; text: string };

export type MailTransport = {
  name: 'resend' | 'mailbox';
  /** Delivers one message; throws when it may not have been accepted. Must be safe to repeat. */
  deliver(message: RenderedMessage): Promise<{ providerMessageId?: string }>;
};

export class MailDeliveryError extends Error {}

/** Resend, with the outbox id as idempotency key so a retry after a lost answer is not a second email. */
export function resendTransport(apiKey: string, options: { timeoutMs?: number } = {}): MailTransport {
  const resend = new Resend(apiKey);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: 'resend',
    async deliver(message) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new MailDeliveryError(`no answer from the mail service within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result = await Promise.race([
          resend.emails.send(
            {
              from: message.fromAddress,
              to: message.toAddresses,
              subject: message.subject,
              html: message.html,
              text: message.text,
              attachments: message.attachments.map((a) => ({
                filename: a.filename,
                content: a.contentBase64,
                contentType: a.contentType,
              })),
            },
            { idempotencyKey: `outbox-${message.id}` },
          ),
          timeout,
        ]);
        if (result.error) throw new MailDeliveryError(`${result.error.name}: ${result.error.message}`);
        return { providerMessageId: result.data?.id };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The local mailbox shown at /dev/mailbox; keyed by outbox id, so a repeat changes nothing. */
export function mailboxTransport(db: Queryable): MailTransport {
  return {
    name: 'mailbox',
    async deliver(message) {
      await db
        .insert(mailboxMessages)
        .values({
          outboxId: message.id,
          fromAddress: message.fromAddress,
          toAddresses: message.toAddresses,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments,
        })
        .onConflictDoNothing();
      return { providerMessageId: `mailbox-${message.id}` };
    },
  };
}
