import 'server-only';
import { getEnv } from '@/lib/config/env';
import { isRequestFromThisMachine } from './request-client';

/**
 * The local mailbox (every sign-in link, staff included) and the jobs page: only with the local
 * mailbox transport, and only for a browser on this machine, unless PUBLIC_DEMO declares the whole
 * site a public demo (whose visitors need the mailbox to sign in). The jobs page never leaves
 * localhost.
 */
export async function mayUseLocalTool(tool: 'mailbox' | 'jobs' | 'carrier'): Promise<boolean> {
  const env = getEnv();
  // The carrier sandbox's page (/dev/carrier) goes with the sandbox, not the mailbox; like jobs, localhost only.
  if (tool !== 'carrier' && env.mail.kind !== 'mailbox') return false;
  if ((tool === 'jobs' || tool === 'carrier') && !env.isLocal) return false;
  if (tool === 'mailbox' && env.publicDemo && !env.isLocal) return true;
  return isRequestFromThisMachine();
}
