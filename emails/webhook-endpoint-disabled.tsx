import { Button } from '@react-email/button';
import { Heading } from '@react-email/heading';
import { Text } from '@react-email/text';
import { EmailLayout } from './layout';

/** To an account's admins: an endpoint failed for days and no longer receives events. */
export function WebhookEndpointDisabledEmail({
  endpointUrl,
  accountName,
  failingSince,
  reason,
  endpointPageUrl,
}: {
  endpointUrl: string;
  accountName: string;
  failingSince: string;
  reason: string;
  endpointPageUrl: string;
}) {
  return (
    <EmailLayout preview="A webhook endpoint was disabled">
      <Heading as="h1" style={{ fontSize: '20px' }}>
        A webhook endpoint was disabled
      </Heading>
      {accountName && <Text style={{ color: '#6b7280', marginTop: 0 }}>{accountName}</Text>}
      <Text>
        We stopped sending events to {endpointUrl}. {reason} The first failure of this streak was on {failingSince.slice(0, 10)} at {failingSince.slice(11, 16)} UTC.
      </Text>
      <Text>
        Events that could not be delivered are kept. Fix the receiver, then enable the endpoint again: events waiting for it go out in order, and
        you can send any earlier one again from the delivery log with “Redeliver”.
      </Text>
      <Button href={endpointPageUrl} style={{ backgroundColor: '#1d4ed8', color: '#ffffff', padding: '10px 18px', borderRadius: '6px' }}>
        Open the endpoint
      </Button>
      <Text style={{ fontSize: '13px', color: '#6b7280' }}>{endpointPageUrl}</Text>
    </EmailLayout>
  );
}
