import { securityHeaders } from '@/lib/security/security-headers';

test('the policy allows scripts only with the nonce, forbids framing, and adds HSTS only over https', () => {
  const local = securityHeaders({ nonce: 'abc123', https: false, development: false });
  expect(local['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  expect(local['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  expect(local['Content-Security-Policy']).not.toContain('unsafe-eval');
  expect(local['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
  expect(local['Strict-Transport-Security']).toBeUndefined();
  const production = securityHeaders({ nonce: 'n', https: true, development: false });
  expect(production['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  expect(production['Content-Security-Policy']).toContain('upgrade-insecure-requests');
});
