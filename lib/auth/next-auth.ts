import 'server-only';
import NextAuth from 'next-auth';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { authAccounts, authenticators, sessions, users, verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { kickOutbox } from '@/lib/mail/outbox-worker';
import { sendEmail } from '@/lib/mail/send-email';
import { SignInLinkEmail } from '@/emails/sign-in-link';
import { isKnownUser } from './sign-in';

export const SIGN_IN_LINK_MINUTES = 15;

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  const env = getEnv();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: authAccounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
      authenticatorsTable: authenticators,
    }),
    secret: env.authSecret,
    trustHost: true,
    session: { strategy: 'database', maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        // The link goes through the app's one mail path (outbox -> Resend or the local mailbox).
        async sendVerificationRequest({ identifier, url }) {
          await sendEmail(db, {
            to: [identifier],
            subject: 'Your sign-in link for Port Numbers',
            template: 'sign-in-link',
            body: SignInLinkEmail({ url, expiresInMinutes: SIGN_IN_LINK_MINUTES }),
          });
          kickOutbox();
        },
      },
    ],
    callbacks: {
      // Never create users from a sign-in: the platform's users are made by their account admins.
      async signIn({ user }) {
        return !!user.email && (await isKnownUser(db, user.email));
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
