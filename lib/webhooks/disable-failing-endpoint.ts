import 'server-only';
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { accounts, memberships, users, webhookEndpoints } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { queueEmail } from '@/lib/mail/queue-email';

/** An endpoint whose every delivery has failed for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600 * 1000;

/**
 * Disables the endpoint if it has been failing for 5 days straight (failingSince, cleared by any
 * success), and emails the admins of its account (and of its agency) in the same transaction.
 * The conditional update makes this happen once, however many workers fail at the same time.
 */
export async function disableFailingEndpoint(tx: Transaction, endpointId: string, now: Date): Promise<boolean> {
  const reason = 'Every delivery failed for 5 days.';
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ status: 'disabled', disabledAt: now, disabledReason: reason })
    .where(
      and(
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.status, 'enabled'),
        lte(webhookEndpoints.failingSince, new Date(now.getTime() - DISABLE_AFTER_FAILING_MS)),
      ),
    )
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, accountId: webhookEndpoints.accountId, failingSince: webhookEndpoints.failingSince });
  if (!endpoint) return false;
  const [account] = await tx.select({ name: accounts.name, parentAccountId: accounts.parentAccountId }).from(accounts).where(eq(accounts.id, endpoint.accountId));
  const admins = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.role, 'admin'),
        account?.parentAccountId ? or(eq(memberships.accountId, endpoint.accountId), eq(memberships.accountId, account.parentAccountId)) : inArray(memberships.accountId, [endpoint.accountId]),
      ),
    );
  if (admins.length === 0) return true;
  const endpointPageUrl = `${getEnv().appUrl}/numbers/port/api/webhooks/${endpoint.id}`;
  await queueEmail(tx, {
    to: admins.map((a) => a.email),
    subject: 'A webhook endpoint was disabled',
    template: 'webhook-endpoint-disabled',
    props: { endpointUrl: endpoint.url, accountName: account?.name ?? '', failingSince: endpoint.failingSince?.toISOString() ?? now.toISOString(), reason, endpointPageUrl },
    subjectRef: `webhook-endpoint:${endpoint.id}`,
  });
  return true;
}
