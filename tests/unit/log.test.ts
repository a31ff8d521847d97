import { describeError } from '@/lib/log';

test('a failed query is logged without its text or parameters', () => {
  const failed = new Error('Failed query: update "port_requests" set "account_pin_ciphertext" = $1\nparams: v1:SECRETCIPHERTEXT', {
    cause: new Error('connection terminated unexpectedly'),
  });
  const line = describeError(failed);
  expect(line).toBe('Error: query failed: connection terminated unexpectedly');
  expect(line).not.toContain('SECRET');
});
