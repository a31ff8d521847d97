/**
 * A step opened from "Check before you sign" (`?from=loa`) goes back to the letter once saved,
 * not on through the steps in between: the form carries `returnTo=loa` (lib/forms/go-to-step.ts
 * accepts only that value) and its button says where it goes.
 */
export const FROM_LETTER = 'loa';

export function isFromLetter(search: { from?: string | string[] }): boolean {
  return search.from === FROM_LETTER;
}

export function BackToLetterInput({ on }: { on: boolean }) {
  return on ? <input type="hidden" name="returnTo" value={FROM_LETTER} /> : null;
}

export function saveLabel(backToLetter: boolean): string {
  return backToLetter ? 'Save and return to the letter' : 'Save and continue';
}
