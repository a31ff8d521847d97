import { Button } from '@react-email/button';
import { Heading } from '@react-email/heading';
import { Text } from '@react-email/text';
import { EmailLayout } from './layout';

export type LoaSignatureRequestProps = {
  signerName: string;
  senderName: string;
  senderEmail: string;
  businessName: string;
  signUrl: string;
  /** YYYY-MM-DD, the last day the link works. */
  expiresOn: string;
};

/**
 * The LOA sent for signature: who sent it and for which business, and the link. Nothing else of the
 * account (the letter itself is behind the link; never the PIN).
 */
export function LoaSignatureRequestEmail({ signerName, senderName, senderEmail, businessName, signUrl, expiresOn }: LoaSignatureRequestProps) {
  return (
    <EmailLayout preview={`${senderName} asks you to sign a Letter of Authorization for ${businessName}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        Please sign the Letter of Authorization for {businessName}
      </Heading>
      <Text>Hello {signerName},</Text>
      <Text>
        {senderName} ({senderEmail}) asks you, as the person authorized to act for {businessName}, to sign a Letter of
        Authorization that lets them move (port) the business&apos;s phone numbers to a new provider.
      </Text>
      <Text>Read the letter, then sign it or decline it. You do not need an account.</Text>
      <Button href={signUrl} style={{ backgroundColor: '#1d4ed8', color: '#ffffff', padding: '10px 18px', borderRadius: '6px' }}>
        Review and sign the letter
      </Button>
      <Text style={{ fontSize: '13px', color: '#6b7280' }}>If the button does not work, paste this address into your browser: {signUrl}</Text>
      <Text style={{ fontSize: '13px', color: '#6b7280' }}>
        The link works once, until {expiresOn}. Do not forward this email: anyone with the link can sign. If you did not
        expect it, ignore it or decline on the page.
      </Text>
    </EmailLayout>
  );
}
