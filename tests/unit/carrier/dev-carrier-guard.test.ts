import { mayUseLocalTool } from '@/lib/security/local-tools';
import { PEER_ADDRESS_HEADER, CLIENT_ADDRESS_HEADER } from '@/lib/server/incoming-request';

// /dev/carrier moves the carrier's clock: like /dev/jobs, only a browser on this machine.
let requestHeaders = new Headers();
jest.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const frontDoor = globalThis as { __portNumbersFrontDoor?: boolean };
afterEach(() => {
  delete frontDoor.__portNumbersFrontDoor;
});

test('the carrier page answers a browser on this machine only', async () => {
  frontDoor.__portNumbersFrontDoor = true;
  requestHeaders = new Headers({ [PEER_ADDRESS_HEADER]: '127.0.0.1', [CLIENT_ADDRESS_HEADER]: '127.0.0.1' });
  expect(await mayUseLocalTool('carrier')).toBe(true);
  requestHeaders = new Headers({ [PEER_ADDRESS_HEADER]: '192.0.2.10', [CLIENT_ADDRESS_HEADER]: '192.0.2.10' });
  expect(await mayUseLocalTool('carrier')).toBe(false);
  requestHeaders = new Headers({ [PEER_ADDRESS_HEADER]: '127.0.0.1', [CLIENT_ADDRESS_HEADER]: '192.0.2.10' });
  expect(await mayUseLocalTool('carrier')).toBe(false);
});
