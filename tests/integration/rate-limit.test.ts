import { consumeRateLimit } from '@/lib/security/rate-limit';
import { setupTestContext } from '../helpers/test-context';

const t = setupTestContext({ seed: false, storage: false });

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 12, minutes));

test('sign-in links are limited per address and per IP, and the window slides', async () => {
  const limits = (email: string) => [
    { bucket: `sign-in:email:${email}`, max: 5, windowSeconds: 900 },
    { bucket: 'sign-in:ip:203.0.113.9', max: 8, windowSeconds: 900 },
  ];
  const results = [];
  for (let i = 0; i < 6; i++) results.push(await consumeRateLimit(t.db, limits('a@x.example'), at(i)));
  expect(results).toEqual([true, true, true, true, true, false]);
  // Other addresses from the same IP: 3 more fit under the IP's 8, then it stops too.
  const others = [];
  for (let i = 0; i < 4; i++) others.push(await consumeRateLimit(t.db, limits(`b${i}@x.example`), at(6)));
  expect(others).toEqual([true, true, true, false]);
  // 15 minutes after the first hits, the address may ask again.
  expect(await consumeRateLimit(t.db, limits('a@x.example').slice(0, 1), at(16))).toBe(true);
});
