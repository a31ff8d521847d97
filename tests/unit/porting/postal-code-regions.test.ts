import { regionsOfPostalCode } from '@/lib/porting/wizard/postal-code-regions';
import { postalCodeWarning } from '@/lib/porting/wizard/postal-code-warnings';

test.each([
  ['US', '21202', ['MD']], ['US', '90210', ['CA']], ['US', '02108', ['MA']], ['US', '05501', ['MA']], ['US', '05401', ['VT']],
  ['US', '73301', ['TX']], ['US', '10001-1234', ['NY']], ['US', '00901', ['PR']], ['US', '96799', ['HI', 'AS']],
  ['CA', 'K1A 0B1', ['ON']], ['CA', 'H2X 1Y4', ['QC']], ['CA', 'X0A 0H0', ['NT', 'NU']],
] as const)('%s %s belongs to %j', (country, code, regions) => {
  expect(regionsOfPostalCode(country, code)).toEqual(regions);
});

test('a military or unused prefix is not known, so it never warns', () => {
  expect(regionsOfPostalCode('US', '09012')).toBeNull();
  expect(postalCodeWarning({ country: 'US', region: 'NY', postalCode: '09012' })).toBeNull();
});

test('a matching pair has no warning; a mismatch names both', () => {
  expect(postalCodeWarning({ country: 'US', region: 'MD', postalCode: '21202' })).toBeNull();
  expect(postalCodeWarning({ country: 'US', region: 'MA', postalCode: '90210' })?.message).toMatch(/^ZIP code 90210 belongs to California, not Massachusetts\./);
});
