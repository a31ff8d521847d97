import { Heading } from '@react-email/heading';
import { Text } from '@react-email/text';
import { EmailLayout } from './layout';

export function InternationalInquiryEmail({ countries, numberCount }: { countries: string[]; numberCount: number }) {
  return (
    <EmailLayout preview="We received your international port inquiry">
      <Heading as="h1" style={{ fontSize: '20px' }}>
        We received your international port inquiry
      </Heading>
      <Text>
        You asked to port {numberCount} {numberCount === 1 ? 'number' : 'numbers'} from {countries.join(', ')}. Each country has
        its own paperwork; our Carrier Regulations and Regulatory team will contact you with what is needed.
      </Text>
    </EmailLayout>
  );
}
