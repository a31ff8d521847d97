import { isStepOpen, missingStepsBefore, resumeStep, stepAfter, stepsBefore, stepsFrom, WIZARD_STEPS } from '@/lib/porting/wizard/steps';

// Issue 13: "the steps before X" is derived from the one list of steps, never written out again.
const keys = WIZARD_STEPS.map((s) => s.key);

test('the steps before each step are the ones listed before it, in order', () => {
  expect(stepsBefore('carrier')).toEqual([]);
  expect(stepsBefore('loa')).toEqual(['carrier', 'numbers', 'customer', 'address', 'agreement']);
  expect(stepsBefore('proof')).toEqual(['carrier', 'numbers', 'customer', 'address', 'agreement', 'loa']);
  for (const [i, key] of keys.entries()) {
    expect(stepsBefore(key)).toEqual(keys.slice(0, i));
    expect(stepsFrom(key)).toEqual(keys.slice(i));
    expect(stepAfter(key)).toBe(keys[i + 1] ?? null);
  }
});

test('a step opens once every step before it is complete', () => {
  expect(isStepOpen('carrier', [])).toBe(true);
  expect(isStepOpen('customer', ['carrier'])).toBe(false);
  expect(missingStepsBefore('proof', ['carrier', 'numbers', 'customer', 'address', 'agreement'])).toEqual(['loa']);
  expect(isStepOpen('proof', stepsBefore('proof'))).toBe(true);
  expect(resumeStep(['carrier', 'numbers'])).toBe('customer');
  expect(resumeStep(keys)).toBe('proof');
});
