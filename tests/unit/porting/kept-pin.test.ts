/**
 * The PIN kept across a refused form (lib/porting/wizard/kept-pin.ts): back as the same PIN for the
 * request and user it was kept for, within the hour; never for another, never after, never tampered.
 */
import { openSealedPin, sealPin, valuesToEcho, withKeptPin } from '@/lib/porting/wizard/kept-pin';

const holder = { requestId: 'b3c1b6de-6d43-4d4a-9b7e-0a9f3c1d2e11', userId: 'u-owner' };
const at = new Date('2026-12-02T10:00:00Z');
const minutesLater = (m: number) => new Date(at.getTime() + m * 60_000);

test('a sealed PIN opens for its holder within the hour, and holds no trace of the PIN', () => {
  const sealed = sealPin('90210', holder, at);
  expect(sealed).not.toContain('90210');
  expect(openSealedPin(sealed, holder, minutesLater(59))).toBe('90210');
  expect(openSealedPin(sealed, holder, minutesLater(61))).toBeNull();
  expect(openSealedPin(sealed, { ...holder, userId: 'u-analyst' }, at)).toBeNull();
  expect(openSealedPin(sealed, { ...holder, requestId: 'another' }, at)).toBeNull();
  expect(openSealedPin('k1.not-base64-of-anything', holder, at)).toBeNull();
  expect(openSealedPin('', holder, at)).toBeNull();
});

test('a blank PIN field takes the kept PIN back; a PIN typed again wins; an expired one is reported lost', () => {
  const keptPin = sealPin('90210', holder, at);
  expect(withKeptPin({ customerName: 'Summit', accountPin: '', keptPin }, holder, minutesLater(5))).toEqual({ values: { customerName: 'Summit', accountPin: '90210' }, lost: false });
  expect(withKeptPin({ accountPin: '4455', keptPin }, holder, minutesLater(5))).toEqual({ values: { accountPin: '4455' }, lost: false });
  expect(withKeptPin({ accountPin: '', keptPin }, holder, minutesLater(90))).toEqual({ values: { accountPin: '' }, lost: true });
  expect(withKeptPin({ accountPin: '' }, holder, at)).toEqual({ values: { accountPin: '' }, lost: false });
});

test('what goes back to the form never has the PIN in clear', () => {
  const echoed = valuesToEcho({ customerName: 'Summit', accountPin: '90210' }, holder, true, at);
  expect(echoed.accountPin).toBe('');
  expect(JSON.stringify(echoed)).not.toContain('90210');
  expect(openSealedPin(echoed.keptPin, holder, at)).toBe('90210');
  expect(valuesToEcho({ accountPin: '90210' }, holder, false, at)).toEqual({ accountPin: '' });
});
