import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { auth } from './next-auth';
import { recordRequestActor } from '@/lib/ops/record-request-actor';
import { loadActor, type AccountAccess, type Actor } from './actor';

// The edge between Next and the services: pages and actions call these, services take the Actor.

export const CURRENT_ACCOUNT_COOKIE = 'current_account';

/** The signed-in actor, loaded once per request however many layouts and pages ask (React cache). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const actor = await loadActor(await getDb(), userId);
  await recordRequestActor(actor && { actorId: actor.userId });
  return actor;
});

/** For account pages and actions: signed out goes to sign-in; staff have no account pages. */
export async function requireAccountUser(): Promise<{ actor: Actor; account: AccountAccess }> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (actor.isStaff && actor.accounts.length === 0) redirect('/staff');
  if (actor.accounts.length === 0) redirect('/no-account');
  const chosen = (await cookies()).get(CURRENT_ACCOUNT_COOKIE)?.value;
  const account = actor.accounts.find((a) => a.id === chosen) ?? actor.accounts[0];
  return { actor, account };
}

/** For the regulatory console: anyone else gets a plain 404, not a hint that it exists. */
export async function requireStaff(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (!actor.isStaff) notFound();
  return actor;
}

/**
 * For an account's settings (API keys, webhook endpoints): an admin of the current account. A
 * member gets the same 404 as a stranger; what the page names must still be of this account.
 */
export async function requireAccountAdmin(): Promise<{ actor: Actor; account: AccountAccess }> {
  const { actor, account } = await requireAccountUser();
  if (account.role !== 'admin') notFound();
  return { actor, account };
}
