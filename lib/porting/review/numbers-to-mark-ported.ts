import 'server-only';
import { StateError } from '@/lib/errors';
import { formatPhoneNumber } from '@/lib/phone/format';
import { canMarkPorted, type PortNumberStatus } from '../lifecycle/statuses';

/**
 * The numbers a "Mark ported" names: the ones chosen, or every number with a port date when none
 * is. The confirmation page lists them and the decision ports exactly them; a number without a port
 * date is refused by name.
 */
export function numbersToMarkPorted<N extends { id: string; number: string; status: PortNumberStatus }>(numbers: readonly N[], chosenIds: readonly string[]): N[] {
  if (chosenIds.length === 0) {
    const scheduled = numbers.filter((n) => canMarkPorted(n.status));
    if (scheduled.length === 0) throw new StateError('No number of this request has a port date yet. Set the port date first.');
    return scheduled;
  }
  const chosen = numbers.filter((n) => chosenIds.includes(n.id));
  if (chosen.length !== new Set(chosenIds).size) throw new StateError('Some chosen numbers are not part of this request.');
  const waiting = chosen.filter((n) => !canMarkPorted(n.status));
  if (waiting.length) {
    throw new StateError(`Only numbers with a port date can be marked ported; not ${waiting.map((n) => formatPhoneNumber(n.number)).join(', ')}.`);
  }
  return chosen;
}
