// Which states a US ZIP code's first three digits belong to (USPS sectional centers), and which
// province a Canadian postal code's first letter does. A ZIP typed with the wrong state (90210 with
// Massachusetts) is a typo the carrier will reject the port for, but a few prefixes cross lines, so
// this only warns. No server-only imports: the address form reads it too.

// [first prefix, last prefix, states]: gaps are prefixes not in use or military (AA/AE/AP): no warning.
const ZIP_PREFIXES: [number, number, string[]][] = [
  [5, 5, ['NY']], [6, 7, ['PR']], [8, 8, ['VI']], [9, 9, ['PR']],
  [10, 27, ['MA']], [28, 29, ['RI']], [30, 38, ['NH']], [39, 49, ['ME']], [50, 54, ['VT']], [55, 55, ['MA']], [56, 59, ['VT']],
  [60, 69, ['CT']], [70, 89, ['NJ']], [100, 149, ['NY']], [150, 196, ['PA']], [197, 199, ['DE']],
  [200, 200, ['DC']], [201, 201, ['VA']], [202, 205, ['DC']], [206, 219, ['MD']], [220, 246, ['VA']], [247, 268, ['WV']],
  [270, 289, ['NC']], [290, 299, ['SC']], [300, 319, ['GA']], [320, 339, ['FL']], [341, 349, ['FL']], [350, 369, ['AL']],
  [370, 385, ['TN']], [386, 397, ['MS']], [398, 399, ['GA']], [400, 427, ['KY']], [430, 459, ['OH']], [460, 479, ['IN']],
  [480, 499, ['MI']], [500, 528, ['IA']], [530, 549, ['WI']], [550, 567, ['MN']], [569, 569, ['DC']], [570, 577, ['SD']],
  [580, 588, ['ND']], [590, 599, ['MT']], [600, 629, ['IL']], [630, 658, ['MO']], [660, 679, ['KS']], [680, 693, ['NE']],
  [700, 714, ['LA']], [716, 729, ['AR']], [730, 732, ['OK']], [733, 733, ['TX']], [734, 749, ['OK']], [750, 799, ['TX']],
  [800, 816, ['CO']], [820, 831, ['WY']], [832, 838, ['ID']], [840, 847, ['UT']], [850, 865, ['AZ']], [870, 884, ['NM']],
  [885, 885, ['TX']], [889, 898, ['NV']], [900, 961, ['CA']], [967, 967, ['HI', 'AS']], [968, 968, ['HI']], [969, 969, ['GU', 'MP']],
  [970, 979, ['OR']], [980, 994, ['WA']], [995, 999, ['AK']],
];

const POSTAL_LETTERS: Record<string, string[]> = {
  A: ['NL'], B: ['NS'], C: ['PE'], E: ['NB'], G: ['QC'], H: ['QC'], J: ['QC'], K: ['ON'], L: ['ON'], M: ['ON'], N: ['ON'],
  P: ['ON'], R: ['MB'], S: ['SK'], T: ['AB'], V: ['BC'], X: ['NT', 'NU'], Y: ['YT'],
};

/** The states or provinces a well-formed postal code belongs to, or null when that is not known. */
export function regionsOfPostalCode(country: 'US' | 'CA', postalCode: string): string[] | null {
  if (country === 'CA') return POSTAL_LETTERS[postalCode.charAt(0).toUpperCase()] ?? null;
  if (!/^\d{5}/.test(postalCode)) return null;
  const prefix = Number(postalCode.slice(0, 3));
  return ZIP_PREFIXES.find(([from, to]) => prefix >= from && prefix <= to)?.[2] ?? null;
}
