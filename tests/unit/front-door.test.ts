import { listenSettings } from '@/lib/config/listen-settings';
import { isCrossSitePost } from '@/lib/security/cross-site-post';
import {
  CLIENT_ADDRESS_HEADER,
  FORWARDED_CHAIN_HEADER,
  isLoopbackAddress,
  normalizeIncomingHeaders,
  PEER_ADDRESS_HEADER,
  resolveClientAddress,
} from '@/lib/server/incoming-request';

// The front door (scripts/server.ts) in front of every request: what Host, X-Forwarded-* and the
// client's address become whatever the client wrote (issue 12, findings 1, 4 and 5).

const settings = { appUrl: 'https://ports.example.com', trustedProxyHops: 0, isTrustedProxy: () => false };
// One load balancer on the private network, as listenSettings builds it by default.
const behindOne = { trustedProxyHops: 1, isTrustedProxy: listenSettings({ TRUSTED_PROXY_HOPS: '1' }).isTrustedProxy };
const behindTwo = { ...behindOne, trustedProxyHops: 2 };

test('Host and X-Forwarded-Host/Proto always say APP_URL, whatever the client sent (finding 1)', () => {
  const headers = {
    host: 'attacker.example',
    'x-forwarded-host': 'attacker.example',
    'x-forwarded-proto': 'http',
    'x-forwarded-port': '8080',
    forwarded: 'host=attacker.example;proto=http',
    origin: 'http://attacker.example',
  };
  normalizeIncomingHeaders(headers, '198.51.100.7', settings);
  expect(headers).toMatchObject({ host: 'ports.example.com', 'x-forwarded-host': 'ports.example.com', 'x-forwarded-proto': 'https' });
  expect(headers).not.toHaveProperty('x-forwarded-port');
  expect(headers).not.toHaveProperty('forwarded');
  // Origin is left as sent: the cross-site check compares it with APP_URL.
  expect(headers.origin).toBe('http://attacker.example');
});

test('with no trusted proxy the client is the socket peer: a forged X-Forwarded-For is recorded, not believed (finding 5)', () => {
  const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67' };
  normalizeIncomingHeaders(headers, '::ffff:198.51.100.7', settings);
  expect(headers[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.7');
  expect(headers['x-forwarded-for']).toBe('198.51.100.7');
  expect(headers[FORWARDED_CHAIN_HEADER]).toBe('203.0.113.66');
  expect(headers).not.toHaveProperty('x-real-ip');
});

test('past n trusted proxies the client is the nth entry from the right; entries further left are the client\'s own words', () => {
  expect(resolveClientAddress('10.0.0.2', '203.0.113.66, 198.51.100.9', behindOne)).toBe('198.51.100.9');
  expect(resolveClientAddress('10.0.0.2', '203.0.113.66, 198.51.100.9, 10.0.0.1', behindTwo)).toBe('198.51.100.9');
  expect(resolveClientAddress('10.0.0.2', 'not-an-address', behindOne)).toBe('unknown');
  // Load balancers that add the client's port (1.2.3.4:5678, [2001:db8::1]:443): the address alone.
  expect(resolveClientAddress('10.0.0.2', '198.51.100.9:5678', behindOne)).toBe('198.51.100.9');
  expect(resolveClientAddress('10.0.0.2', '[2001:db8::1]:443', behindOne)).toBe('2001:db8::1');
});

test('only our proxies speak for the client: a peer reaching the app directly is the client, whatever it forwards', () => {
  expect(resolveClientAddress('203.0.113.5', '198.51.100.9', behindOne)).toBe('203.0.113.5');
  // The nearest hop is ours but the one before it is not: that one is the client.
  expect(resolveClientAddress('10.0.0.2', '198.51.100.9, 203.0.113.7', behindTwo)).toBe('203.0.113.7');
  // A chain shorter than the proxies it should have crossed proves nothing, not "this machine".
  expect(resolveClientAddress('127.0.0.1', undefined, behindOne)).toBe('unknown');
  expect(resolveClientAddress('10.0.0.2', '10.0.0.1', behindTwo)).toBe('unknown');
});

test('the forwarded chain kept as evidence holds only what addresses are made of, and not too much of it', () => {
  const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-for': `203.0.113.66, <b>evil</b>, ${'9'.repeat(600)}` };
  normalizeIncomingHeaders(headers, '198.51.100.7', settings);
  const kept = String(headers[FORWARDED_CHAIN_HEADER]);
  expect(kept.startsWith('203.0.113.66, ?b?evil??b?, 999')).toBe(true);
  expect(kept.length).toBeLessThanOrEqual(200);
});

test('the internal address headers cannot be sent by a client', () => {
  const headers: Record<string, string | string[] | undefined> = {
    [CLIENT_ADDRESS_HEADER]: '127.0.0.1',
    [PEER_ADDRESS_HEADER]: '127.0.0.1',
    [FORWARDED_CHAIN_HEADER]: 'x',
  };
  normalizeIncomingHeaders(headers, '203.0.113.5', settings);
  expect(headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.5');
  expect(headers[PEER_ADDRESS_HEADER]).toBe('203.0.113.5');
  expect(headers).not.toHaveProperty(FORWARDED_CHAIN_HEADER);
  expect(isLoopbackAddress(String(headers[PEER_ADDRESS_HEADER]))).toBe(false);
});

test('loopback is 127.0.0.0/8 and ::1, in any spelling', () => {
  for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '[::1]']) expect(isLoopbackAddress(a)).toBe(true);
  for (const a of ['10.0.0.1', '203.0.113.5', '::ffff:10.0.0.1', 'localhost', 'unknown', '']) expect(isLoopbackAddress(a)).toBe(false);
});

test('a localhost APP_URL listens on loopback only; a public one on every interface (finding 4)', () => {
  expect(listenSettings({}).hostname).toBe('127.0.0.1');
  expect(listenSettings({ APP_URL: 'http://localhost:3210', PORT: '3210' })).toMatchObject({ hostname: '127.0.0.1', port: 3210, isLocal: true });
  expect(listenSettings({ APP_URL: 'https://ports.example.com' })).toMatchObject({ hostname: '0.0.0.0', isLocal: false, trustedProxyHops: 0 });
  expect(listenSettings({ APP_URL: 'https://ports.example.com', TRUSTED_PROXY_HOPS: '1' }).trustedProxyHops).toBe(1);
  expect(() => listenSettings({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
  expect(() => listenSettings({ TRUSTED_PROXY_HOPS: 'all' })).toThrow(/TRUSTED_PROXY_HOPS/);
  expect(() => listenSettings({ TRUSTED_PROXY_ADDRESSES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXY_ADDRESSES/);
  const own = listenSettings({ TRUSTED_PROXY_HOPS: '1', TRUSTED_PROXY_ADDRESSES: '192.0.2.10, 2001:db8::/32' });
  expect([own.isTrustedProxy('192.0.2.10'), own.isTrustedProxy('2001:db8::5'), own.isTrustedProxy('10.0.0.1')]).toEqual([true, true, false]);
});

test('a post from another site is refused against APP_URL, not against the Host header (findings 1 and 6)', () => {
  const post = (headers: Record<string, string>) => ({ method: 'POST', headers: new Headers(headers) });
  const app = 'http://localhost:3000';
  expect(isCrossSitePost(post({ origin: 'http://attacker.example', host: 'attacker.example' }), app)).toBe(true);
  expect(isCrossSitePost(post({ origin: 'null' }), app)).toBe(true);
  expect(isCrossSitePost(post({ 'sec-fetch-site': 'cross-site' }), app)).toBe(true);
  expect(isCrossSitePost(post({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }), app)).toBe(false);
  expect(isCrossSitePost(post({}), app)).toBe(false);
  expect(isCrossSitePost({ method: 'GET', headers: new Headers({ origin: 'http://attacker.example' }) }, app)).toBe(false);
});
