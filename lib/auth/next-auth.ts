import 'server-only';
import NextAuth from 'next-auth';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { authAccounts, authenticators, sessions, users, verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { sameSiteRedirect } from './callback-path';
import { isKnownUser, SIGN_IN_LINK_MINUTES } from './sign-in';

export { SIGN_IN_LINK_MINUTES };

// Auth.js keeps sessions and spends sign-in tokens. It has no HTTP route of its own (app/api/auth
// does not exist): links are issued by lib/auth/send-sign-in-link.ts, spent through the
// confirmation page's action (lib/auth/complete-sign-in.ts), and sign-out is a server action.
export const { handlers, auth, signOut } = NextAuth(async () => {
  const db = await getDb();
  const env = getEnv();
  // Every URL Auth.js builds (its base URL, redirects) comes from APP_URL, never from Host or
  // X-Forwarded-* (Auth.js reads AUTH_URL from the environment; the front door sets it too).
  process.env.AUTH_URL = env.appUrl;
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: authAccounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
      authenticatorsTable: authenticators,
    }),
    secret: env.authSecret,
    session: { strategy: 'database', maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        // Never called: no path asks Auth.js to send a link (see above). Refuse loudly if one appears.
        async sendVerificationRequest() {
          throw new Error('Sign-in links are sent by lib/auth/send-sign-in-link.ts only.');
        },
      },
    ],
    callbacks: {
      // Never create users from a sign-in: the platform's users are made by their account admins.
      async signIn({ user }) {
        return !!user.email && (await isKnownUser(db, user.email));
      },
      redirect({ url }) {
        return sameSiteRedirect(url);
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
