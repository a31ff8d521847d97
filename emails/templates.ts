import type { ReactElement } from 'react';
import { InternationalInquiryEmail } from './international-inquiry';
import { LoaSignatureRequestEmail } from './loa-signature-request';
import { PortSubmittedEmail } from './port-submitted';
import { PortUpdateEmail } from './port-update';
import { SignInLinkEmail } from './sign-in-link';
import { WebhookEndpointDisabledEmail } from './webhook-endpoint-disabled';

// Every email the app sends, by the name the outbox stores. Each name is its own row in the list
// of emails sent; several share the port update's layout.
export const EMAIL_TEMPLATES = {
  'sign-in-link': SignInLinkEmail,
  'port-submitted': PortSubmittedEmail,
  'international-inquiry': InternationalInquiryEmail,
  'inquiry-reply': PortUpdateEmail,
  'recipient-added': PortUpdateEmail,
  'request-approved': PortUpdateEmail,
  'changes-needed': PortUpdateEmail,
  'request-resubmitted': PortUpdateEmail,
  'request-cancelled': PortUpdateEmail,
  'port-date-scheduled': PortUpdateEmail,
  'port-date-changed': PortUpdateEmail,
  'numbers-rejected': PortUpdateEmail,
  'numbers-ported': PortUpdateEmail,
  'sms-enabled': PortUpdateEmail,
  'sms-exception': PortUpdateEmail,
  'team-note': PortUpdateEmail,
  'loa-signature-request': LoaSignatureRequestEmail,
  'loa-signed-by-link': PortUpdateEmail,
  'loa-signature-declined': PortUpdateEmail,
  'draft-expiring': PortUpdateEmail,
  'webhook-endpoint-disabled': WebhookEndpointDisabledEmail,
} satisfies Record<string, (props: never) => ReactElement>;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;
export type EmailProps<N extends EmailTemplateName> = Parameters<(typeof EMAIL_TEMPLATES)[N]>[0];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}

/** The element for a stored template name and props; throws for a name no longer known. */
export function templateElement(name: string, props: unknown): ReactElement {
  if (!isEmailTemplateName(name)) throw new Error(`unknown email template "${name}"`);
  const render = EMAIL_TEMPLATES[name] as (props: unknown) => ReactElement;
  return render(props);
}
