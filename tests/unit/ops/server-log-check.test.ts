import { checkServerLog } from '../../helpers/server-log-check';

// The e2e run's last check: it must catch what it is there to catch, and name the field, never the value.
const ok = JSON.stringify({ level: 'info', requestId: '5b0e0d4a-2f0f-4e57-9d59-1e0c9f7e7a11', route: '/sign/[token]', status: 200, durationMs: 2468, msg: 'request' });

test('a clean log passes, a short PIN is not confused with a number or an id', () => {
  expect(checkServerLog(`${ok}\n${ok}\n`, [{ kind: 'a PIN', value: '2468' }])).toEqual([]);
  expect(checkServerLog(JSON.stringify({ requestId: '5b0e0d4a-2468-4e57-9d59-1e0c9f7e7a11' }), [{ kind: 'a PIN', value: '2468' }])).toEqual([]);
});

test('a line that is not JSON, a secret of the run, or anything shaped like a token or an address is named by line and field', () => {
  const lines = [
    ok,
    '▲ Next.js 16 ready',
    JSON.stringify({ msg: 'saved', detail: { pin: 'Q7Z4X9K2W' } }),
    JSON.stringify({ msg: 'pin 2468 was wrong' }),
    JSON.stringify({ msg: 'mail to owner@summit.example' }),
    JSON.stringify({ url: '/sign-in/confirm?token=abc' }),
    JSON.stringify({ key: 'pn_live_abcdef' }),
    JSON.stringify({ customer: 'Summit Marketing Group LLC' }),
    JSON.stringify({ path: '/sign/Zq3VxN0bTf8sK1mW4yR7aH2cJ5dL9pE6gU0iO3nB8vX' }),
  ].join('\n');
  const problems = checkServerLog(lines, [{ kind: 'a PIN', value: 'Q7Z4X9K2W' }, { kind: 'a PIN', value: '2468' }]);
  expect(problems).toEqual([
    'line 2: not JSON (starts "▲ Next.js 16 ready")',
    'line 3: field "detail.pin" holds a PIN',
    'line 4: field "msg" holds a PIN',
    'line 5: field "msg" holds an email address',
    'line 6: field "url" holds a token in a query',
    'line 7: field "key" holds an API key',
    'line 8: field "customer" holds a personal field of the fixtures',
    'line 9: field "path" holds a signing-link token',
  ]);
  expect(problems.join('\n')).not.toContain('Q7Z4X9K2W');
});
