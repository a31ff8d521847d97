import { mayUseLocalTool } from '@/lib/security/local-tools';
import { CLIENT_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from '@/lib/server/incoming-request';

// /dev/mailbox (every sign-in link) and /dev/jobs answer only a browser on this machine (finding 4).

let requestHeaders = new Headers();
jest.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const frontDoor = globalThis as { __portNumbersFrontDoor?: boolean };
afterEach(() => {
  delete frontDoor.__portNumbersFrontDoor;
});

function from(peer: string, client = peer) {
  requestHeaders = new Headers({ [PEER_ADDRESS_HEADER]: peer, [CLIENT_ADDRESS_HEADER]: client });
}

test('a browser on this machine may open the local tools', async () => {
  frontDoor.__portNumbersFrontDoor = true;
  from('127.0.0.1');
  expect(await mayUseLocalTool('mailbox')).toBe(true);
  expect(await mayUseLocalTool('jobs')).toBe(true);
});

test('a peer on the network may not, nor a client that a local proxy forwards', async () => {
  frontDoor.__portNumbersFrontDoor = true;
  from('192.0.2.10');
  expect(await mayUseLocalTool('mailbox')).toBe(false);
  expect(await mayUseLocalTool('jobs')).toBe(false);
  from('127.0.0.1', '192.0.2.10');
  expect(await mayUseLocalTool('mailbox')).toBe(false);
});

test('without the front door the address headers could be the client\'s own: nothing is believed', async () => {
  from('127.0.0.1');
  expect(await mayUseLocalTool('mailbox')).toBe(false);
});
