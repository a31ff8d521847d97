import 'server-only';
import type { z } from 'zod';

type Meta = { id: string; description?: string; example?: unknown };

/**
 * A body schema the door checks with a schema built for this call, not once at start-up: the
 * carrier step's date window moves with the day, and the API takes a few convenience spellings
 * (true for a checkbox's "on", a boolean for "yes"/"no") that the forms do not send. The OpenAPI
 * document describes `documented` (the wizard's own schema, under `meta`); parsing goes to `build()`'s.
 * `documented` itself is left as it is (`.meta` makes a new instance).
 */
export function perRequestSchema<S extends z.ZodType>(documented: S, meta: Meta, build: () => z.ZodType, normalize: (value: unknown) => unknown = (v) => v): S {
  const schema = documented.meta(meta) as S;
  Object.assign(schema, {
    safeParse: (value: unknown, params?: never) => build().safeParse(normalize(value), params),
    parse: (value: unknown, params?: never) => build().parse(normalize(value), params),
  });
  return schema;
}

/**
 * A JSON body as the step's form would post it: a text field left out is posted blank (so it gets
 * the step's own message, "Enter the account PIN…", not a type error), booleans where the form
 * posts strings: `true` for a checked box ("on"), true/false for "yes"/"no".
 */
export function formSpellings(value: unknown, fields: { texts?: readonly string[]; checkboxes?: readonly string[]; yesNo?: readonly string[] }): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const f of fields.texts ?? []) if (out[f] === undefined || out[f] === null) out[f] = '';
  for (const f of fields.checkboxes ?? []) if (out[f] === true) out[f] = 'on';
  for (const f of fields.yesNo ?? []) if (typeof out[f] === 'boolean') out[f] = out[f] ? 'yes' : 'no';
  return out;
}
