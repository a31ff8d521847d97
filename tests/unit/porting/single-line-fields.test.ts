/**
 * Every single-line field of every form schema refuses line breaks and hidden characters with one
 * message next to the field (issue 12, finding 8). The fields are read from the schemas themselves,
 * so a field added without the shared helper fails here.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { invalid } from '@/lib/forms/form-state';
import { utcDate } from '@/lib/porting/business-days';
import { internationalInquirySchema } from '@/lib/porting/international/submit-international-inquiry';
import { inquiryReplySchema } from '@/lib/porting/international/inquiry-actions-support';
import { noteSchema } from '@/lib/porting/notes/add-note';
import { recipientSchema } from '@/lib/porting/notes/recipients';
import { addressStepSchema } from '@/lib/porting/wizard/address';
import { agreementStepSchema } from '@/lib/porting/wizard/agreement';
import { carrierStepSchema } from '@/lib/porting/wizard/carrier';
import { customerStepSchema } from '@/lib/porting/wizard/customer-schema';
import { loaSignatureSchema } from '@/lib/porting/wizard/loa/signature-schema';
import { sendForSignatureSchema, signByLinkSchema } from '@/lib/porting/wizard/loa/signature-request/schema';
import { HIDDEN_CHARACTER_MESSAGE } from '@/lib/porting/wizard/single-line-text';
import { WIZARD_STEPS } from '@/lib/porting/wizard/steps';

type Input = Record<string, string>;
type Form = { schema: z.ZodType; valid: Input };

// Each step's schema with an input it accepts; every field of the schema must have a value here.
const STEP_FORMS: Record<string, Form> = {
  carrierStepSchema: { schema: carrierStepSchema(utcDate(2026, 11, 25)), valid: { losingCarrier: 'Verizon Business', requestedPortDate: '2026-12-02' } },
  customerStepSchema: {
    schema: customerStepSchema({ pinOnFile: false }),
    valid: { customerName: 'Summit Marketing Group LLC', carrierAccountNumber: '8834-2219', accountPin: '4821', portType: 'partial', billingTelephoneNumber: '(410) 555-0000', btnIsPorting: 'no' },
  },
  addressStepSchema: {
    schema: addressStepSchema,
    valid: { street: '100 Light St', unit: 'Suite 1200', city: 'Baltimore', country: 'US', region: 'MD', postalCode: '21202', serviceAddress: { street: '5 Main St', city: 'Towson', country: 'US', region: 'MD', postalCode: '21204' } } as unknown as Input,
  },
  agreementStepSchema: { schema: agreementStepSchema, valid: { authority: 'on', activeService: 'on', matchesBill: 'on', smsDelay: 'on' } },
  loaSignatureSchema: { schema: loaSignatureSchema, valid: { signatureDataUrl: 'data:image/png;base64,AAAA', typedName: 'Dana Whitfield', signerTitle: 'Office Manager', canDraw: 'yes' } },
};

// The other forms' single-line fields (their multi-line fields are checked below).
const OTHER_SINGLE_LINE: Record<string, Form & { fields: string[] }> = {
  recipient: { schema: recipientSchema, valid: { email: 'analyst@summit.example' }, fields: ['email'] },
  sendForSignature: { schema: sendForSignatureSchema, valid: { signerName: 'Dana Whitfield', signerEmail: 'dana@whitfield.example', signerTitle: 'Office Manager' }, fields: ['signerName', 'signerEmail', 'signerTitle'] },
  signByLink: {
    schema: signByLinkSchema,
    valid: { typedName: 'Dana Whitfield', signerTitle: 'Office Manager', agreed: true, letterFingerprint: 'a'.repeat(64) } as unknown as Input,
    fields: ['typedName', 'signerTitle'],
  },
};
// The LOA step's link forms live in its folder; their single-line fields are in OTHER_SINGLE_LINE
// (the decline reason is multi-line, like a note).
const LOA_LINK_SCHEMAS = ['sendForSignatureSchema', 'signByLinkSchema', 'declineByLinkSchema'];

// Each class the rule names, one example or more: C0 (not TAB), DEL, C1, the separators, bidi controls.
const HIDDEN = {
  'CR LF': '\r\n',
  LF: '\n',
  CR: '\r',
  NUL: '\u0000',
  'vertical tab': '\u000B',
  'unit separator': '\u001F',
  DEL: '\u007F',
  'C1 NEL': '\u0085',
  'C1 APC': '\u009F',
  'line separator': '\u2028',
  'paragraph separator': '\u2029',
  'left-to-right embedding': '\u202A',
  'right-to-left override': '\u202E',
  'left-to-right isolate': '\u2066',
  'pop directional isolate': '\u2069',
};

/** The object behind a schema's refinements and transforms. */
function objectOf(schema: z.ZodType): z.ZodObject {
  let inner: unknown = schema;
  while (inner instanceof z.ZodPipe) inner = inner.in;
  if (!(inner instanceof z.ZodObject)) throw new Error('not an object schema');
  return inner;
}

/** Whether a field takes free text (a string), as opposed to a choice (enum, checkbox literal). */
function isText(field: unknown): boolean {
  let inner = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodPipe) {
    inner = inner instanceof z.ZodPipe ? inner.in : inner.unwrap();
  }
  return inner instanceof z.ZodString;
}

function messagesFor(schema: z.ZodType, input: Input, field: string): string[] {
  const result = schema.safeParse(input);
  return (result.error?.issues ?? []).filter((i) => i.path.join('.') === field).map((i) => i.message);
}

const stepFields = Object.entries(STEP_FORMS).flatMap(([name, form]) => Object.keys(objectOf(form.schema).shape).map((field) => [name, field] as const));

test('the list covers every schema of the wizard steps, and each form above is accepted as it is', async () => {
  const dir = path.join(process.cwd(), 'lib/porting/wizard');
  const exported: string[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && WIZARD_STEPS.some((s) => f === `${s.key}.ts` || f === `${s.key}-schema.ts` || f.startsWith(`${s.key}/`)))) {
    const stepModule = (await import(path.join(dir, file))) as Record<string, unknown>;
    exported.push(...Object.keys(stepModule).filter((key) => key.endsWith('Schema')));
  }
  expect(exported.sort()).toEqual([...Object.keys(STEP_FORMS), ...LOA_LINK_SCHEMAS].sort());
  for (const form of [...Object.values(STEP_FORMS), ...Object.values(OTHER_SINGLE_LINE)]) expect(form.schema.safeParse(form.valid).success).toBe(true);
});

describe.each(stepFields)('%s, %s', (name, field) => {
  const { schema, valid } = STEP_FORMS[name];

  test('a value carrying "\\r\\nBcc:" is refused next to the field', () => {
    expect(valid).toHaveProperty(field);
    const messages = messagesFor(schema, { ...valid, [field]: `${valid[field]}\r\nBcc: attacker@evil.example` }, field);
    // A choice (enum, checkbox) refuses any other value anyway; free text says what to remove.
    if (isText(objectOf(schema).shape[field])) expect(messages).toEqual([HIDDEN_CHARACTER_MESSAGE]);
    else expect(messages.length).toBeGreaterThan(0);
  });
});

const textStepFields = stepFields.filter(([name, field]) => isText(objectOf(STEP_FORMS[name].schema).shape[field]));

describe.each(textStepFields)('%s, text field %s', (name, field) => {
  const { schema, valid } = STEP_FORMS[name];
  test.each(Object.entries(HIDDEN))('a %s inside the value is refused with the one message', (_name, character) => {
    const typed = `${valid[field].slice(0, 1)}${character}${valid[field].slice(1)}`;
    expect(messagesFor(schema, { ...valid, [field]: typed }, field)).toEqual([HIDDEN_CHARACTER_MESSAGE]);
  });
});

describe.each(Object.entries(OTHER_SINGLE_LINE).flatMap(([name, form]) => form.fields.map((field) => [name, field] as const)))('%s form, %s', (name, field) => {
  const { schema, valid } = OTHER_SINGLE_LINE[name];
  test.each(Object.entries(HIDDEN))('a %s is refused with the one message', (_name, character) => {
    expect(messagesFor(schema, { ...valid, [field]: `${valid[field]}${character}Bcc: x` }, field)).toEqual([HIDDEN_CHARACTER_MESSAGE]);
  });
});

test('the form shows the message next to the field and keeps what was typed', () => {
  const typed = { ...STEP_FORMS.customerStepSchema.valid, customerName: 'Summit\r\nBcc: attacker@evil.example' };
  const result = customerStepSchema({ pinOnFile: false }).safeParse(typed);
  expect(result.success).toBe(false);
  expect(invalid(result.error!, typed)).toMatchObject({ ok: false, fieldErrors: { customerName: [HIDDEN_CHARACTER_MESSAGE] }, values: { customerName: typed.customerName } });
});

test('a tab pasted from a spreadsheet becomes a space; ordinary accents, apostrophes and ampersands stay', () => {
  expect(customerStepSchema({ pinOnFile: false }).safeParse({ ...STEP_FORMS.customerStepSchema.valid, customerName: '\tSummit\tDental  ' })).toMatchObject({ success: true, data: { customerName: 'Summit Dental' } });
  expect(addressStepSchema.safeParse({ ...STEP_FORMS.addressStepSchema.valid, street: '12 Rue d’Église', city: 'Montréal', country: 'CA', region: 'QC', postalCode: 'H2X 1Y4' }).success).toBe(true);
  expect(carrierStepSchema(utcDate(2026, 11, 25)).safeParse({ losingCarrier: 'AT&T – Business', requestedPortDate: '' }).success).toBe(true);
});

test('multi-line fields (notes, messages, the international number list) keep their line breaks', () => {
  expect(noteSchema.safeParse({ body: 'First line\r\nSecond line', visibility: 'public' })).toMatchObject({ success: true, data: { body: 'First line\r\nSecond line' } });
  expect(inquiryReplySchema.safeParse({ inquiryId: 'x', body: 'Hello\nthere' })).toMatchObject({ success: true, data: { body: 'Hello\nthere' } });
  expect(internationalInquirySchema.safeParse({ numbers: '+44 20 7946 0000\n+33 1 23 45 67 89', note: 'Two\nlines' })).toMatchObject({ success: true, data: { note: 'Two\nlines' } });
});
