import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPortNumbers, type PortNumberVerdict } from '@/lib/porting/wizard/numbers/check-rules';
import { readNumberLines, type RawLine } from '@/lib/porting/wizard/numbers/read-number-lines';
import { ACCOUNTS, demoContext, sourceId } from './demo-context';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/numbers', name));

function readFixture(name: string): RawLine[] {
  const result = readNumberLines(new Uint8Array(fixture(name)), { filename: name });
  if (!result.ok) throw new Error(result.message);
  return result.lines;
}

function byLine(verdicts: PortNumberVerdict[]) {
  return new Map(verdicts.map((v) => [v.line, v]));
}

const line = (numberToPort: string, rest: Partial<RawLine> = {}, n = 1): RawLine => ({ line: n, numberToPort, ...rest });
const check = (raw: RawLine, defaults = { receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' }) =>
  checkPortNumbers([raw], demoContext(defaults))[0];

describe('numbers-sample.csv, as owner@summit.example in Summit Marketing Group', () => {
  const verdicts = checkPortNumbers(readFixture('numbers-sample.csv'), demoContext());
  const at = byLine(verdicts);

  test('one verdict per line, numbered from the header as line 1', () => {
    expect(verdicts.map((v) => v.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });

  test('lines 2-6: five formats of a US local number, sources matched whatever their case and spaces', () => {
    const expected = [
      [2, '+14105550110', 'Google Ads'],
      [3, '+14105550111', 'Website'],
      [4, '+14105550112', 'Direct'],
      [5, '+14105550113', 'Google Ads'],
      [6, '+14105550114', 'Facebook'],
    ] as const;
    for (const [n, e164, source] of expected) {
      expect(at.get(n)).toMatchObject({
        verdict: 'accepted',
        code: 'ok',
        e164,
        country: 'US',
        isTollFree: false,
        receivingNumber: '+14105550199',
        accountId: ACCOUNTS.summit.id,
        trackingSourceId: sourceId(ACCOUNTS.summit.id, source),
      });
    }
  });

  test('lines 7-8 go into Summit Dental, a sub-account the owner may use', () => {
    for (const [n, e164] of [[7, '+13015550121'], [8, '+13015550122']] as const) {
      expect(at.get(n)).toMatchObject({ verdict: 'accepted', code: 'ok', e164, receivingNumber: '+13015550198', accountId: ACCOUNTS.dental.id });
    }
  });

  test('line 9: a Canadian number into Summit Plumbing', () => {
    expect(at.get(9)).toMatchObject({ verdict: 'accepted', code: 'ok', e164: '+14165550140', country: 'CA', accountId: ACCOUNTS.plumbing.id });
  });

  test('line 10: toll-free is accepted but goes into its own request', () => {
    expect(at.get(10)).toMatchObject({ verdict: 'accepted', code: 'toll_free', isTollFree: true, e164: '+18005550150' });
    expect(at.get(10)?.message).toMatch(/separate process.*own request/);
  });

  test.each([
    [11, 'duplicate', /line 2/],
    [12, 'international', /ticket to our regulatory team/],
    [13, 'scientific_notation', /scientific notation/],
    [14, 'unknown_source', /"Billboards".*Google Ads, Website, Direct, Facebook/],
    [15, 'unknown_account', /"Harbor Legal" is not an account you can port numbers into/],
    [16, 'already_tracking', /already a tracking number on this platform/],
    [17, 'receiving_is_number', /receiving number is the number being ported/],
    [18, 'not_a_number', /not a phone number/],
  ])('line %i is refused: %s', (n, code, message) => {
    expect(at.get(n)).toMatchObject({ verdict: 'refused', code });
    expect(at.get(n)?.message).toMatch(message);
  });
});

describe('numbers-sample.txt with a receiving number and source chosen once', () => {
  const verdicts = checkPortNumbers(
    readFixture('numbers-sample.txt'),
    demoContext({ receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' }),
  );

  test('the blank line is ignored and every other line is accepted with the defaults', () => {
    expect(verdicts.map((v) => [v.line, v.verdict, v.code, v.e164])).toEqual([
      [1, 'accepted', 'needs_alternate_routing', '+14105550000'],
      [2, 'accepted', 'ok', '+14105550118'],
      [3, 'accepted', 'ok', '+14105550119'],
      [5, 'accepted', 'ok', '+14165550141'],
    ]);
    for (const v of verdicts) {
      expect(v).toMatchObject({
        receivingNumber: '+14105550199',
        accountId: ACCOUNTS.summit.id,
        trackingSourceId: sourceId(ACCOUNTS.summit.id, 'Google Ads'),
      });
    }
    expect(verdicts[3].country).toBe('CA');
  });

  test('+14105550000 asks for alternate routing of the two tracking numbers that ring it', () => {
    expect(verdicts[0].alternateRoutingFor).toEqual(['+14105550100', '+14105550101']);
    expect(verdicts[0].message).toMatch(/\(410\) 555-0100, \(410\) 555-0101.*alternate routing/);
  });
});

test('a number on another account is refused with the same words as one of our own', () => {
  const harbor = check(line('+16175550130'));
  const ours = check(line('+14105550102'));
  expect(harbor).toMatchObject({ verdict: 'refused', code: 'already_tracking' });
  expect(harbor.message.replace('(617) 555-0130', 'N')).toBe(ours.message.replace('(410) 555-0102', 'N'));
  expect(harbor.message).not.toMatch(/Harbor|account/i);
});

test('a number in another open port request is refused without naming that request', () => {
  const context = { ...demoContext({ receivingNumber: '+14105550199', trackingSourceName: 'Direct' }), numbersInOpenRequests: new Set(['+14105550120']) };
  const [verdict] = checkPortNumbers([line('410-555-0120')], context);
  expect(verdict).toMatchObject({ verdict: 'refused', code: 'in_open_request' });
  expect(verdict.message).toMatch(/another open port request/);
});

test('a line value wins over the default; without either the receiving number is asked for', () => {
  expect(check(line('4105550120', { receivingNumber: '4105550198' })).receivingNumber).toBe('+14105550198');
  expect(check(line('4105550120'), { receivingNumber: '', trackingSourceName: 'Direct' })).toMatchObject({
    verdict: 'refused',
    code: 'receiving_missing',
  });
});

test('a receiving number must be a real number, but may be abroad', () => {
  const bad = check(line('4105550120', { receivingNumber: '555-0199' }));
  expect(bad).toMatchObject({ verdict: 'refused', code: 'receiving_invalid' });
  expect(bad.message).toMatch(/receiving number is not usable.*too short/);
  expect(check(line('4105550120', { receivingNumber: '+44 20 7946 0000' }))).toMatchObject({
    verdict: 'accepted',
    receivingNumber: '+442079460000',
  });
});

test('a default receiving number equal to the number being ported is refused', () => {
  expect(check(line('(410) 555-0199'))).toMatchObject({ verdict: 'refused', code: 'receiving_is_number' });
});

test('without any tracking source the user is asked to choose one', () => {
  const verdict = check(line('4105550120'), { receivingNumber: '+14105550199', trackingSourceName: '' });
  expect(verdict).toMatchObject({ verdict: 'refused', code: 'unknown_source' });
  expect(verdict.message).toMatch(/Choose a tracking source.*Google Ads/);
});

test('sources are those of the account the line goes into', () => {
  const context = demoContext({ receivingNumber: '+14105550199' });
  context.trackingSources = context.trackingSources.filter((s) => !(s.accountId === ACCOUNTS.dental.id && s.name === 'Facebook'));
  const [dental, summit] = checkPortNumbers(
    [line('4105550120', { trackingSource: 'facebook', accountName: 'summit dental' }, 1), line('4105550121', { trackingSource: 'FACEBOOK' }, 2)],
    context,
  );
  expect(dental).toMatchObject({ verdict: 'refused', code: 'unknown_source' });
  expect(dental.message).not.toMatch(/Facebook/);
  expect(summit).toMatchObject({ verdict: 'accepted', trackingSourceId: sourceId(ACCOUNTS.summit.id, 'Facebook') });
});

test('account names match whatever their case and spacing', () => {
  expect(check(line('4105550120', { accountName: '  summit   PLUMBING ' }))).toMatchObject({ verdict: 'accepted', accountId: ACCOUNTS.plumbing.id });
});

test('precedence: a duplicate is reported before the platform, the receiving number before source and account', () => {
  const verdicts = checkPortNumbers(
    [
      line('+14105550100', {}, 1),
      line('4105550100', {}, 2),
      line('4105550120', { receivingNumber: 'nope', trackingSource: 'Billboards', accountName: 'Harbor Legal' }, 3),
      line('4105550121', { trackingSource: 'Billboards', accountName: 'Harbor Legal' }, 4),
      line('4.10555E+09', {}, 5),
    ],
    demoContext({ receivingNumber: '+14105550199', trackingSourceName: 'Google Ads' }),
  );
  expect(verdicts.map((v) => v.code)).toEqual(['already_tracking', 'duplicate', 'receiving_invalid', 'unknown_source', 'scientific_notation']);
  expect(verdicts[1].message).toMatch(/line 1/);
});

test('a toll-free number that others forward to is both flagged and asks for alternate routing', () => {
  const context = demoContext({ receivingNumber: '+14105550199', trackingSourceName: 'Direct' });
  const forwarding = new Map(context.trackingNumbersByReceivingNumber);
  forwarding.set('+18005550150', [{ trackingNumber: '+14105550102', accountId: ACCOUNTS.summit.id }]);
  const [verdict] = checkPortNumbers([line('1-800-555-0150')], { ...context, trackingNumbersByReceivingNumber: forwarding });
  expect(verdict).toMatchObject({ verdict: 'accepted', code: 'needs_alternate_routing', isTollFree: true, alternateRoutingFor: ['+14105550102'] });
  expect(verdict.message).toMatch(/own request/);
});

test('a line with no number in the first column is refused as empty', () => {
  expect(check(line('', { receivingNumber: '+14105550199' }))).toMatchObject({ verdict: 'refused', code: 'empty' });
});
