import 'server-only';
import { headers } from 'next/headers';
import { CLIENT_ADDRESS_HEADER, FORWARDED_CHAIN_HEADER, isLoopbackAddress, PEER_ADDRESS_HEADER } from '@/lib/server/incoming-request';

export type RequestClient = {
  /** The address the app believes: the socket's peer, or what the configured proxies vouch for. */
  address: string;
  /** The socket's peer (the nearest proxy when there is one). */
  peer: string;
  /** X-Forwarded-For as received, for the record only. */
  forwardedFor: string | null;
};

const UNKNOWN: RequestClient = { address: 'unknown', peer: 'unknown', forwardedFor: null };

/**
 * Who is on the other end of this request, as the front door (scripts/server.ts) worked it out. Under
 * any other server the internal headers could come from the client, so nothing is believed.
 */
export async function requestClient(): Promise<RequestClient> {
  return requestClientFrom(await headers());
}

/** The same, from a request's own headers (route handlers that are handed the Request, such as the API's). */
export function requestClientFrom(h: Headers): RequestClient {
  if (!(globalThis as { __portNumbersFrontDoor?: boolean }).__portNumbersFrontDoor) return UNKNOWN;
  return {
    address: h.get(CLIENT_ADDRESS_HEADER) ?? 'unknown',
    peer: h.get(PEER_ADDRESS_HEADER) ?? 'unknown',
    forwardedFor: h.get(FORWARDED_CHAIN_HEADER),
  };
}

/** Local-only pages (the mailbox, the jobs page) answer only a browser on this machine. */
export async function isRequestFromThisMachine(): Promise<boolean> {
  const client = await requestClient();
  return isLoopbackAddress(client.peer) && isLoopbackAddress(client.address);
}
