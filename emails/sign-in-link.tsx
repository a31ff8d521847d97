import { Button } from '@react-email/button';
import { Heading } from '@react-email/heading';
import { Text } from '@react-email/text';
import { EmailLayout } from './layout';

export function SignInLinkEmail({ url, expiresInMinutes }: { url: string; expiresInMinutes: number }) {
  return (
    <EmailLayout preview="Your sign-in link for Port Numbers">
      <Heading as="h1" style={{ fontSize: '20px' }}>
        Sign in to Port Numbers
      </Heading>
      <Text>Use the button below to sign in. The link works once and expires in {expiresInMinutes} minutes.</Text>
      <Button href={url} style={{ backgroundColor: '#1d4ed8', color: '#ffffff', padding: '10px 18px', borderRadius: '6px' }}>
        Sign in
      </Button>
      <Text style={{ fontSize: '13px', color: '#6b7280' }}>
        If the button does not work, paste this address into your browser: {url}
      </Text>
      <Text style={{ fontSize: '13px', color: '#6b7280' }}>
        Did not ask to sign in? Ignore this email; nobody can sign in without the link.
      </Text>
    </EmailLayout>
  );
}
