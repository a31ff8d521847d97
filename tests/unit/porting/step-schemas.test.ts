import { addressStepSchema } from '@/lib/porting/wizard/address';
import { agreementStepSchema } from '@/lib/porting/wizard/agreement';
import { carrierStepSchema } from '@/lib/porting/wizard/carrier';
import { customerStepSchema } from '@/lib/porting/wizard/customer-schema';
import { loaSignatureSchema } from '@/lib/porting/wizard/loa/signature-schema';
import { utcDate } from '@/lib/porting/business-days';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  // The first message of each field, as the form shows it.
  return Object.fromEntries((result.error?.issues ?? []).reverse().map((i) => [i.path.join('.'), i.message]));
}

// Wednesday 2026-11-25: the day before Thanksgiving.
const today = utcDate(2026, 11, 25);

describe('Step 2, current carrier', () => {
  const schema = carrierStepSchema(today);
  test.each([
    ['empty carrier', { losingCarrier: '  ' }, 'losingCarrier', /name of the carrier/],
    ['carrier too long', { losingCarrier: 'x'.repeat(101) }, 'losingCarrier', /under 100/],
    ['date too soon', { losingCarrier: 'AT&T', requestedPortDate: '2026-11-30' }, 'requestedPortDate', /between December 2, 2026 and December 25, 2026/],
    ['date too far', { losingCarrier: 'AT&T', requestedPortDate: '2027-01-05' }, 'requestedPortDate', /between/],
    ['a Saturday', { losingCarrier: 'AT&T', requestedPortDate: '2026-12-05' }, 'requestedPortDate', /weekend/],
    ['Christmas Day', { losingCarrier: 'AT&T', requestedPortDate: '2026-12-25' }, 'requestedPortDate', /Christmas Day/],
    ['not a date', { losingCarrier: 'AT&T', requestedPortDate: '2026-13-01' }, 'requestedPortDate', /YYYY-MM-DD/],
  ])('%s is refused with a message next to the field', (_name, input, field, message) => {
    expect(messages(schema.safeParse(input))[field]).toMatch(message);
  });

  test('a business day 7 to 30 days out, or no date at all, is accepted', () => {
    expect(schema.safeParse({ losingCarrier: ' AT&T ', requestedPortDate: '2026-12-02' })).toMatchObject({ success: true, data: { losingCarrier: 'AT&T' } });
    expect(schema.safeParse({ losingCarrier: 'AT&T', requestedPortDate: '' })).toMatchObject({ success: true, data: { requestedPortDate: undefined } });
  });
});

describe('Step 4, customer and PIN', () => {
  const valid = { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: '4821', portType: 'full' };
  test('empty fields each get their own message', () => {
    const m = messages(customerStepSchema({ pinOnFile: false }).safeParse({ customerName: '', carrierAccountNumber: '', accountPin: '', portType: '' }));
    expect(m.customerName).toMatch(/exactly as it appears/);
    expect(m.carrierAccountNumber).toMatch(/account number/);
    expect(m.accountPin).toMatch(/CSR/);
    expect(m.portType).toBeDefined();
  });
  test('a PIN already on file may be left blank', () => {
    expect(customerStepSchema({ pinOnFile: true }).safeParse({ ...valid, accountPin: '' })).toMatchObject({ success: true, data: { accountPin: undefined } });
  });
  test('too long values are refused', () => {
    const m = messages(customerStepSchema({ pinOnFile: false }).safeParse({ ...valid, customerName: 'x'.repeat(101), accountPin: '1'.repeat(21) }));
    expect(m.customerName).toMatch(/under 100/);
    expect(m.accountPin).toMatch(/at most 20/);
  });
  test('a partial port asks for the billing telephone number and whether it is porting', () => {
    const m = messages(customerStepSchema({ pinOnFile: false }).safeParse({ ...valid, portType: 'partial', billingTelephoneNumber: '555' }));
    expect(m.billingTelephoneNumber).toMatch(/10 digits/);
    expect(m.btnIsPorting).toMatch(/billing telephone number/);
    const ok = customerStepSchema({ pinOnFile: false }).safeParse({ ...valid, portType: 'partial', billingTelephoneNumber: '(410) 555-0000', btnIsPorting: 'no' });
    expect(ok).toMatchObject({ success: true, data: { billingTelephoneNumber: '+14105550000', btnIsPorting: false } });
  });
});

describe('Step 5, billing address', () => {
  const us = { street: '100 Light St', city: 'Baltimore', region: 'MD', postalCode: '21202', country: 'US' };
  test.each([
    ['a 4-digit ZIP', { ...us, postalCode: '2120' }, 'postalCode', /5 digits/],
    ['a Canadian postal code in the US', { ...us, postalCode: 'K1A 0B1' }, 'postalCode', /5 digits/],
    ['a US ZIP in Canada', { ...us, country: 'CA', region: 'ON', postalCode: '21202' }, 'postalCode', /K1A 0B1/],
    ['a province with the US', { ...us, region: 'ON' }, 'country', /Ontario is a Canadian province: choose Canada as the country/],
    ['an empty street', { ...us, street: '' }, 'street', /street address/],
    ['a street too long', { ...us, street: 'x'.repeat(101) }, 'street', /under 100/],
    ['another country', { ...us, country: 'GB' }, 'country', /United States or Canada/],
  ])('%s is refused', (_name, input, field, message) => {
    expect(messages(addressStepSchema.safeParse(input))[field]).toMatch(message);
  });
  test('ZIP+4 and a lower-case Canadian code are accepted, the latter written as on bills', () => {
    expect(addressStepSchema.safeParse({ ...us, postalCode: '21202-1234' }).success).toBe(true);
    expect(addressStepSchema.safeParse({ ...us, country: 'CA', region: 'on', postalCode: 'm5v3l9' })).toMatchObject({
      success: true,
      data: { region: 'ON', postalCode: 'M5V 3L9' },
    });
  });
});

test('Step 6, every agreement box must be checked', () => {
  const m = messages(agreementStepSchema.safeParse({ authority: 'on', activeService: 'on' }));
  expect(Object.keys(m).sort()).toEqual(['matchesBill', 'smsDelay']);
  expect(agreementStepSchema.safeParse({ authority: 'on', activeService: 'on', matchesBill: 'on', smsDelay: 'on' }).success).toBe(true);
});

test('Step 7, a signature is drawn or a full name typed', () => {
  // Without JavaScript there is no drawing box, and the message does not mention one.
  expect(messages(loaSignatureSchema.safeParse({})).typedName).toBe('Sign the letter: type your full name in the box at the bottom.');
  expect(messages(loaSignatureSchema.safeParse({ canDraw: 'yes' })).typedName).toBe('Sign the letter: draw your signature in the box at the bottom, or type your full name under it.');
  expect(messages(loaSignatureSchema.safeParse({ typedName: 'Dana' })).typedName).toMatch(/full name/);
  expect(loaSignatureSchema.safeParse({ typedName: 'Dana Whitfield', signerTitle: 'Office Manager' }).success).toBe(true);
  // The letter names the authorized person with their title.
  expect(messages(loaSignatureSchema.safeParse({ typedName: 'Dana Whitfield' })).signerTitle).toMatch(/Enter your title at the business/);
  expect(loaSignatureSchema.safeParse({ signatureDataUrl: 'data:image/png;base64,AAAA', signerTitle: 'Owner' }).success).toBe(true);
});

test('a Canadian province with the country left on United States names the country to choose', () => {
  const result = addressStepSchema.safeParse({ street: '200 Bay St', city: 'Toronto', country: 'US', region: 'ON', postalCode: 'M5J 2N1' });
  expect(messages(result).country).toMatch(/Ontario is a Canadian province: choose Canada/);
  expect(messages(result).postalCode).toBeUndefined();
});
