import { Button } from '@react-email/button';
import { Heading } from '@react-email/heading';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import { EmailLayout } from './layout';

export type PortUpdate = {
  headline: string;
  paragraphs: string[];
  /** Each item a reason with what to do about it, or a listed number. */
  items?: { title: string; detail?: string }[];
  quote?: { author: string; body: string };
};

/** Every update about a request: what happened, what it means, a link to the request. */
export function PortUpdateEmail({ update, requestUrl, requestLabel, linkLabel = 'Open the port request' }: { update: PortUpdate; requestUrl: string; requestLabel: string; linkLabel?: string }) {
  return (
    <EmailLayout preview={update.headline}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {update.headline}
      </Heading>
      <Text style={{ color: '#6b7280', marginTop: 0 }}>{requestLabel}</Text>
      {update.paragraphs.map((p, i) => (
        <Text key={i}>{p}</Text>
      ))}
      {update.quote && (
        <Section style={{ borderLeft: '3px solid #93c5fd', paddingLeft: '12px', margin: '12px 0' }}>
          <Text style={{ margin: 0, fontWeight: 600 }}>{update.quote.author} wrote:</Text>
          <Text style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{update.quote.body}</Text>
        </Section>
      )}
      {update.items?.map((item, i) => (
        <Section key={i} style={{ marginBottom: '8px' }}>
          <Text style={{ margin: 0, fontWeight: 600 }}>{item.title}</Text>
          {item.detail && <Text style={{ margin: '2px 0' }}>{item.detail}</Text>}
        </Section>
      ))}
      <Button href={requestUrl} style={{ backgroundColor: '#1d4ed8', color: '#ffffff', padding: '10px 18px', borderRadius: '6px' }}>
        {linkLabel}
      </Button>
      <Text style={{ fontSize: '13px', color: '#6b7280' }}>{requestUrl}</Text>
    </EmailLayout>
  );
}
