import { render } from '@react-email/render';
import { SignInLinkEmail } from '@/emails/sign-in-link';
import { linksIn } from '@/lib/mail/mailbox';

test('the mailbox finds the sign-in button of a rendered email with its visible text and exact URL', async () => {
  const url = 'http://localhost:3000/api/auth/callback/email?token=abc&email=owner%40summit.example';
  const html = await render(SignInLinkEmail({ url, expiresInMinutes: 15 }));
  expect(linksIn(html)).toEqual([{ href: url, text: 'Sign in' }]);
});
