/**
 * Whether text holds a secret the test used. A short one (a PIN) is looked for as a word of its own,
 * not inside a longer number or an id's digits: a 4- or 5-digit PIN turns up inside a random uuid
 * now and then (a CSV of a thousand requests holds one about once in a hundred runs).
 */
export function holdsSecret(text: string, secret: string): boolean {
  if (secret.length < 8) return new RegExp(`(^|[^A-Za-z0-9])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9])`).test(text);
  return text.includes(secret);
}
