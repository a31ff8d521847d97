import 'server-only';
import { render } from '@react-email/render';
import { templateElement } from '@/emails/templates';

/** An outbox message's HTML and text, from its template and props. */
export async function renderEmail(message: { template: string; props: unknown }): Promise<{ html: string; text: string }> {
  const element = templateElement(message.template, message.props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
