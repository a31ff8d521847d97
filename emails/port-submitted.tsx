import { Button } from '@react-email/button';
import { Heading } from '@react-email/heading';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import { EmailLayout } from './layout';
import { REVIEW_WITHIN, SMS_DELAY } from '@/lib/porting/promises';

export type SubmittedRequest = { url: string; label: string; numbers: string[]; numberCount: number; window: string };

export function PortSubmittedEmail({ customerName, requests, signInEmail }: { customerName: string; requests: SubmittedRequest[]; signInEmail: string }) {
  return (
    <EmailLayout preview="We received your port request">
      <Heading as="h1" style={{ fontSize: '20px' }}>
        We received your port request
      </Heading>
      <Text>
        Thank you. The request for {customerName} is with our regulatory team. They will review the proof of ownership
        and the signed Letter of Authorization, then send it to your current carrier.
      </Text>
      {requests.map((r) => (
        <Section key={r.url} style={{ border: '1px solid #e5e7eb', borderRadius: '6px', padding: '12px', marginBottom: '12px' }}>
          <Text style={{ margin: 0, fontWeight: 600 }}>
            {r.label}: {r.numberCount} {r.numberCount === 1 ? 'number' : 'numbers'}
          </Text>
          <Text style={{ margin: '4px 0' }}>
            {r.numbers.join(', ')}
            {r.numberCount > r.numbers.length ? ` and ${r.numberCount - r.numbers.length} more` : ''}
          </Text>
          <Text style={{ margin: '4px 0' }}>Expected to complete in {r.window}.</Text>
          <Button href={r.url} style={{ color: '#1d4ed8' }}>
            View the request
          </Button>
        </Section>
      ))}
      <Text style={{ fontWeight: 600 }}>What happens next</Text>
      <Text>
        1. Review: our team checks your proof, usually within {REVIEW_WITHIN}, and emails you if anything needs a change.
        <br />
        2. Carrier: we send the request to your current carrier, who confirms a port date.
        <br />
        3. Port date: your numbers move and take calls on the platform the same day. For non-mobile numbers, texting can
        follow {SMS_DELAY} later; until then your numbers panel says &quot;SMS is not supported&quot;.
      </Text>
      <Text>
        Keep your service with the current carrier active until the port is complete, so calls are not interrupted. We
        write to {signInEmail} at every step.
      </Text>
    </EmailLayout>
  );
}
