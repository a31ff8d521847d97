import type { ReactNode } from 'react';
import { Body } from '@react-email/body';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', color: '#1f2937' }}>
        <Container style={{ backgroundColor: '#ffffff', padding: '24px', margin: '24px auto', maxWidth: '560px', borderRadius: '8px' }}>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: '12px', color: '#6b7280' }}>
            Port Numbers · you receive this because of activity on your account. Replies to this address are not read;
            use the notes on your port request instead.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
