import { z } from 'zod';

export const HIDDEN_CHARACTER_MESSAGE = 'Remove the line break or hidden character from this field.';

// C0 controls, DEL, C1, the Unicode line and paragraph separators, the bidi embedding, override
// and isolate controls, and the invisible ones (soft hyphen, zero-width space and joiners, word
// joiner, BOM): a line break would start a new header where a field reaches an email subject, a bidi
// control makes a name read differently from what it is, and an invisible one makes two values that
// look the same differ (a carrier's record, our own checks such as "no PO box").
function isHiddenCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    code === 0x2060 ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function hasHiddenCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isHiddenCharacter(value.charCodeAt(i))) return true;
  return false;
}

/**
 * Every single-line text field of a form starts here: a tab becomes a space (pasted from a
 * spreadsheet), any other hidden character is refused with a message next to the field, then the
 * value is trimmed. Chain the field's own rules (.min, .max, .regex) after it.
 */
export function singleLineText() {
  return z
    .string()
    .overwrite((value) => value.replaceAll('\t', ' '))
    // abort: one message for the field, not "too long" as well.
    .refine((value) => !hasHiddenCharacter(value), { message: HIDDEN_CHARACTER_MESSAGE, abort: true })
    .trim();
}
