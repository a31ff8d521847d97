import type { PortNumberContext } from '@/lib/porting/wizard/numbers/check-rules';

/** owner@summit.example signed in to Summit Marketing Group, as seeded from /work/shared/data/demo.md. */
export const ACCOUNTS = {
  summit: { id: 'acc-summit', name: 'Summit Marketing Group' },
  dental: { id: 'acc-dental', name: 'Summit Dental' },
  plumbing: { id: 'acc-plumbing', name: 'Summit Plumbing' },
} as const;

const SOURCE_NAMES = ['Google Ads', 'Website', 'Direct', 'Facebook'];

export function sourceId(accountId: string, name: string): string {
  return `${accountId}:${name}`;
}

export function demoContext(defaults: PortNumberContext['defaults'] = {}): PortNumberContext {
  const usableAccounts = Object.values(ACCOUNTS).map((a) => ({ ...a }));
  return {
    currentAccountId: ACCOUNTS.summit.id,
    usableAccounts,
    trackingSources: usableAccounts.flatMap((a) =>
      SOURCE_NAMES.map((name) => ({ id: sourceId(a.id, name), accountId: a.id, name })),
    ),
    defaults,
    // Harbor Legal's +16175550130 is on the platform too: the check must not tell it apart.
    existingTrackingNumbers: new Set(['+14105550100', '+14105550101', '+14105550102', '+13015550120', '+16175550130']),
    numbersInOpenRequests: new Set(),
    // Only the user's accounts: Harbor Legal's +16175550188 is not the caller's to show.
    trackingNumbersByReceivingNumber: new Map([
      [
        '+14105550000',
        [
          { trackingNumber: '+14105550100', accountId: ACCOUNTS.summit.id },
          { trackingNumber: '+14105550101', accountId: ACCOUNTS.summit.id },
        ],
      ],
      ['+14105550199', [{ trackingNumber: '+14105550102', accountId: ACCOUNTS.summit.id }]],
      ['+13015550198', [{ trackingNumber: '+13015550120', accountId: ACCOUNTS.dental.id }]],
    ]),
  };
}
