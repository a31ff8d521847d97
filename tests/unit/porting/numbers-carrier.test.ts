import type { CarrierPortability } from '@/lib/carrier/porting-carrier';
import { carrierKey, planSplit } from '@/lib/porting/submission/plan-split';
import { withCarrierAnswers, type CarrierAnswers } from '@/lib/porting/wizard/numbers/carrier-verdicts';
import type { PortNumberVerdict } from '@/lib/porting/wizard/numbers/check-rules';

const accepted = (e164: string, line: number, extra: Partial<PortNumberVerdict> = {}): PortNumberVerdict => ({
  line,
  input: e164,
  verdict: 'accepted',
  code: 'ok',
  message: 'can be ported.',
  e164,
  country: 'US',
  receivingNumber: '+14105550199',
  accountId: 'a',
  ...extra,
});
const asked = (...answers: CarrierPortability[]): CarrierAnswers => ({ status: 'asked', byNumber: new Map(answers.map((a) => [a.number, a])) });

describe("the carrier's answers over our pre-checks", () => {
  const refused: PortNumberVerdict = { line: 3, input: 'call me', verdict: 'refused', code: 'not_a_number', message: 'not a number' };

  test('a number the carrier calls not portable is refused with its reason, quoted in our words; the others carry its answers', () => {
    const verdicts = withCarrierAnswers(
      [accepted('+14105550950', 1, { code: 'needs_alternate_routing', alternateRoutingFor: ['+14105550100'] }), accepted('+14105551007', 2), refused],
      asked(
        { number: '+14105550950', portable: false, notPortableReason: 'Rate center\u202E not supported\n', currentCarrier: 'Verizon Business', fastPortable: false },
        { number: '+14105551007', portable: true, currentCarrier: 'Verizon Business', fastPortable: true, messagingCapable: true },
      ),
    );
    expect(verdicts[0]).toMatchObject({ verdict: 'refused', code: 'not_portable', carrierChecked: true, currentCarrier: 'Verizon Business' });
    expect(verdicts[0].message).toBe(
      '(410) 555-0950 cannot be ported: the records of its current carrier (Verizon Business) say it is not portable: “Rate center not supported”. Remove this line, or ask that carrier what keeps the number from moving.',
    );
    // Not coming, so no new route to choose for the tracking numbers that ring it.
    expect(verdicts[0].alternateRoutingFor).toBeUndefined();
    expect(verdicts[1]).toMatchObject({ verdict: 'accepted', code: 'ok', carrierChecked: true, currentCarrier: 'Verizon Business', fastPortable: true, messagingCapable: true });
    expect(verdicts[2]).toEqual(refused);
  });

  test('a carrier that could not be asked, or left a number out, leaves our verdict standing, marked not checked', () => {
    const [down] = withCarrierAnswers([accepted('+14105551001', 1)], { status: 'unavailable' });
    expect(down).toMatchObject({ verdict: 'accepted', code: 'ok', carrierChecked: false });
    expect(down.currentCarrier).toBeUndefined();
    const [left] = withCarrierAnswers([accepted('+14105551001', 1)], asked());
    expect(left).toMatchObject({ verdict: 'accepted', carrierChecked: false });
  });

  test('with no carrier connected (manual) the verdicts are ours, unchanged', () => {
    const verdicts = [accepted('+14105551001', 1), refused];
    expect(withCarrierAnswers(verdicts, { status: 'manual' })).toEqual(verdicts);
  });
});

describe('the split at submission: one request per number group and current carrier', () => {
  const n = (country: 'US' | 'CA', isTollFree: boolean, currentCarrier: string | null, id: string) => ({ country, isTollFree, currentCarrier, id });

  test('one group, one carrier (even another than entered): one request, the carrier entered kept', () => {
    const parts = planSplit([n('US', false, 'Comcast Business', '1'), n('US', false, 'comcast  business', '2')], 'Verizon');
    expect(parts.map((p) => [p.group, p.numbers.map((x) => x.id)])).toEqual([['us_local', ['1', '2']]]);
  });

  test("numbers without a carrier answer, or with the carrier entered, stay with the draft's own part; others go by carrier", () => {
    const parts = planSplit(
      [
        n('US', false, 'Comcast Business', 'c1'),
        n('US', false, null, 'u1'),
        n('US', false, 'Verizon Business', 'v1'),
        n('US', false, 'AT&T', 'a1'),
        n('US', true, 'Verizon Business', 't1'),
        n('CA', false, 'Rogers Communications', 'r1'),
      ],
      'verizon business',
    );
    expect(parts.map((p) => ({ group: p.group, carrier: p.losingCarrier, entered: p.entered, ids: p.numbers.map((x) => x.id) }))).toEqual([
      { group: 'us_local', carrier: 'verizon business', entered: true, ids: ['u1', 'v1'] },
      { group: 'us_local', carrier: 'AT&T', entered: false, ids: ['a1'] },
      { group: 'us_local', carrier: 'Comcast Business', entered: false, ids: ['c1'] },
      { group: 'ca_local', carrier: 'Rogers Communications', entered: false, ids: ['r1'] },
      { group: 'toll_free', carrier: 'verizon business', entered: true, ids: ['t1'] },
    ]);
  });

  test("and one per account the numbers will live in, the draft's own account first", () => {
    const at = (accountId: string, id: string) => ({ ...n('US', false, null, id), targetAccountId: accountId });
    const parts = planSplit([at('dental', 'd1'), at('agency', 'a1'), at('plumbing', 'p1'), at('dental', 'd2')], 'Verizon', 'agency');
    expect(parts.map((p) => [p.accountId, p.numbers.map((x) => x.id)])).toEqual([
      ['agency', ['a1']],
      ['dental', ['d1', 'd2']],
      ['plumbing', ['p1']],
    ]);
  });

  test('carrier names compare as people spell them', () => {
    expect(carrierKey('AT&T Mobility')).toBe(carrierKey('at&t  mobility'));
    expect(carrierKey('Verizon')).not.toBe(carrierKey('Verizon Business'));
  });
});
