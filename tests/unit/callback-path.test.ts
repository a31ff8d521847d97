import { safeCallbackPath, sameSiteRedirect } from '@/lib/auth/callback-path';

// Where a sign-in returns to: a path on this site or home, never another host, never a crash (12e).

test('a path on this site is kept with its query', () => {
  expect(safeCallbackPath('/numbers/port?status=submitted')).toBe('/numbers/port?status=submitted');
});

test('other hosts, protocol-relative and malformed values go home', () => {
  for (const value of ['https://attacker.example/', '//attacker.example', '/\\attacker.example', 'javascript:alert(1)', '/a\r\nb', '/api/auth/signout', '/.//attacker.example', '/%2e//attacker.example', '/a/..//attacker.example', ['/x'], 42, undefined, '/'.padEnd(600, 'a')]) {
    expect(safeCallbackPath(value)).toBe('/');
  }
});

test('a path with broken percent-encoding is only a path: no crash', () => {
  expect(safeCallbackPath('/%E0%A4%A')).toBe('/%E0%A4%A');
});

test("Auth.js's redirects stay on APP_URL", () => {
  expect(sameSiteRedirect('http://localhost:3000/staff')).toBe('http://localhost:3000/staff');
  expect(sameSiteRedirect('https://attacker.example/numbers/port')).toBe('http://localhost:3000');
  expect(sameSiteRedirect('//attacker.example/x')).toBe('http://localhost:3000');
});
