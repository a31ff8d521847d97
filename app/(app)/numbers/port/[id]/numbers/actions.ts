'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, type FormState } from '@/lib/forms/form-state';
import { setFlash } from '@/lib/forms/flash';
import { runService } from '@/lib/forms/run-service';
import { decodeNumberFile, MAX_IMPORT_BYTES, readNumberLines, type RawLine } from '@/lib/porting/wizard/numbers/read-number-lines';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';
import { refusedLinesText, type RefusedLine } from '@/lib/porting/wizard/numbers/refused-lines-csv';
import { removeNumbersFromDraft } from '@/lib/porting/wizard/numbers/remove-numbers';
import { saveAlternateRouting } from '@/lib/porting/wizard/numbers/routing';
import { runNumberLines } from '@/lib/porting/wizard/numbers/run-lines';
import { stepPath } from '@/lib/porting/wizard/steps';
import { goToStep } from '@/lib/forms/go-to-step';

/**
 * The two number forms (rows, bulk): the form state plus the rows shown and the check's result.
 * Both outcomes carry what the form shows again (`values`), and `formError` reads on either.
 */
type NumbersFormState = FormState<{ values: Record<string, string>; formError?: string; rowCount?: number; result?: NumberLinesResult }>;

/** The step's one form (see submitNumbersStep): which section answered, and each section's last result. */
export type NumbersStepState = FormState<{
  values: Record<string, string>;
  formError?: string;
  rowCount: number;
  section: 'rows' | 'list' | 'continue';
  rowsResult?: NumberLinesResult;
  listResult?: NumberLinesResult;
}>;

const MAX_ROWS = 50;
const ECHO_LIMIT_BYTES = 1024 * 1024;

function defaultsOf(values: Record<string, string>) {
  return { receivingNumber: values.defaultReceivingNumber?.trim() || undefined, trackingSourceName: values.defaultTrackingSource?.trim() || undefined };
}

async function run(actor: Actor, requestId: string, form: 'rows' | 'list', lines: RawLine[], values: Record<string, string>, intent: string, extra: { rowCount?: number } = {}): Promise<NumbersFormState> {
  const mode = intent === 'add' ? 'added' : 'checked';
  const checked = await runService(async () => runNumberLines(await getDb(), actor, requestId, lines, defaultsOf(values), mode), values);
  if (!checked.ok) {
    // Nothing was checked (e.g. over the hourly limit): the lines stay, without the notes saying they were.
    const kept = Object.fromEntries(Object.entries(checked.values).filter(([key]) => key !== 'checkedFile' && key !== 'checkedLargeFile'));
    return { ...checked, values: kept, ...extra };
  }
  const result = checked.value;
  if (mode === 'checked') return { ok: true, fieldErrors: {}, values, result, ...extra };
  revalidatePath(stepPath(requestId, 'numbers'));
  // After adding, the form keeps only what was refused, to fix and add again.
  return { ok: true, fieldErrors: {}, ...refusedToFix(form, result.refused, values), result };
}

function refusedToFix(form: 'rows' | 'list', refused: RefusedLine[], values: Record<string, string>): { values: Record<string, string>; rowCount?: number } {
  if (form === 'list') {
    if (refused.length === 0) return { values: {} };
    const { defaultReceivingNumber = '', defaultTrackingSource = '' } = values;
    return { values: { pasted: refusedLinesText(refused), defaultReceivingNumber, defaultTrackingSource, refusedKept: String(refused.length) } };
  }
  const rows = refused.slice(0, MAX_ROWS);
  const kept: Record<string, string> = {};
  rows.forEach((r, i) => {
    kept[`rows.${i}.number`] = r.numberToPort;
    kept[`rows.${i}.receivingNumber`] = r.receivingNumber ?? '';
    kept[`rows.${i}.trackingSource`] = r.trackingSource ?? '';
    if (r.accountName) kept[`rows.${i}.accountName`] = r.accountName;
  });
  return { values: kept, rowCount: Math.max(3, rows.length) };
}

/** The manual rows ("Number to Port", "Forward/Receiving Number", "Tracking Source", account): a row added or removed, or the rows checked or added. */
async function rowsIntent(actor: Actor, requestId: string, values: Record<string, string>, intent: string): Promise<NumbersFormState> {
  let rowCount = rowCountOf(values);
  if (intent === 'add-row') return { ok: true, fieldErrors: {}, values, rowCount: Math.min(MAX_ROWS, rowCount + 1) };
  if (intent.startsWith('remove-row:')) {
    const removed = Number(intent.slice('remove-row:'.length));
    const shifted: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      const m = /^rows\.(\d+)\.(\w+)$/.exec(key);
      if (!m) shifted[key] = value;
      else if (Number(m[1]) !== removed) shifted[`rows.${Number(m[1]) > removed ? Number(m[1]) - 1 : m[1]}.${m[2]}`] = value;
    }
    rowCount = Math.max(1, rowCount - 1);
    return { ok: true, fieldErrors: {}, values: shifted, rowCount };
  }
  const lines = rowLines(values);
  if (lines.length === 0) {
    return { ok: false, fieldErrors: { 'rows.0.number': ['Enter a number to port.'] }, formError: 'Enter at least one number.', values, rowCount };
  }
  return run(actor, requestId, 'rows', lines, values, intent, { rowCount });
}

function rowCountOf(values: Record<string, string>): number {
  return Math.min(MAX_ROWS, Math.max(1, Number(values.rowCount) || 3));
}

/** The rows with a number typed in, numbered as shown (Row 1, Row 2, ...). */
function rowLines(values: Record<string, string>): RawLine[] {
  const lines: RawLine[] = [];
  for (let i = 0; i < rowCountOf(values); i++) {
    const numberToPort = values[`rows.${i}.number`]?.trim() ?? '';
    if (!numberToPort) continue;
    lines.push({
      line: i + 1,
      numberToPort,
      receivingNumber: values[`rows.${i}.receivingNumber`]?.trim() || undefined,
      trackingSource: values[`rows.${i}.trackingSource`]?.trim() || undefined,
      accountName: values[`rows.${i}.accountName`]?.trim() || undefined,
    });
  }
  return lines;
}

/** The list's lines (the file chosen wins over the box), or why there are none to run. */
async function readList(formData: FormData, values: Record<string, string>): Promise<{ ok: true; lines: RawLine[]; file?: { name: string; bytes: Uint8Array } } | { ok: false; state: NumbersFormState } | { ok: 'empty' }> {
  const file = formData.get('file');
  let input: string | Uint8Array = values.pasted ?? '';
  let filename: string | undefined;
  if (file instanceof File && file.size > 0) {
    // Refused before reading: a file over the limit is not worth the memory.
    if (file.size > MAX_IMPORT_BYTES) {
      return { ok: false, state: { ok: false, fieldErrors: { file: [`${file.name} is larger than 5 MB. Split it into smaller files of up to 10,000 lines.`] }, formError: 'The file is too large.', values } };
    }
    input = new Uint8Array(await file.arrayBuffer());
    filename = file.name;
  }
  if ((typeof input === 'string' && !input.trim()) || input.length === 0) return { ok: 'empty' };
  const read = readNumberLines(input, { filename });
  if (!read.ok) return { ok: false, state: { ok: false, fieldErrors: { [filename ? 'file' : 'pasted']: [read.message] }, formError: read.message, values } };
  return { ok: true, lines: read.lines, file: filename && input instanceof Uint8Array ? { name: filename, bytes: input } : undefined };
}

/** Bulk: a .csv/.txt upload or pasted text, one number per line, with defaults chosen once. */
async function listIntent(actor: Actor, requestId: string, formData: FormData, values: Record<string, string>, intent: string): Promise<NumbersFormState> {
  const list = await readList(formData, values);
  if (list.ok === 'empty') {
    return { ok: false, fieldErrors: { pasted: ['Paste numbers here, one per line, or choose a .csv or .txt file.'] }, formError: 'There is nothing to import yet.', values };
  }
  if (!list.ok) return list.state;
  // A browser cannot refill a file input: after a check, the file's lines come back in the text
  // box, so "Add to request" needs no second upload (up to a size a page can carry).
  // A larger file empties the box (no earlier lines left to add by mistake) and asks for the file again.
  const checkedFile: Record<string, string> =
    intent === 'add' || !list.file
      ? {}
      : list.file.bytes.length <= ECHO_LIMIT_BYTES
        ? { pasted: decodeNumberFile(list.file.bytes), checkedFile: list.file.name }
        : { pasted: '', checkedLargeFile: list.file.name };
  return run(actor, requestId, 'list', list.lines, { ...values, ...checkedFile }, intent);
}

/**
 * The numbers step's one form: both sections (rows, list) and "Save and continue" post it, each
 * button naming its section ("rows:check", "list:add", "continue"). Continue takes what is typed
 * in the rows and the list (or the file chosen), adds the accepted lines, and goes on only when
 * nothing was refused; otherwise the step shows the verdicts with the refused lines kept to fix.
 */
export async function submitNumbersStep(prev: NumbersStepState, formData: FormData): Promise<NumbersStepState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const intent = values.intent ?? 'continue';
  const [section, sectionIntent = ''] = intent.split(/:(.*)/s);
  if (section === 'rows' || section === 'list') {
    const state = section === 'rows' ? await rowsIntent(actor, requestId, values, sectionIntent) : await listIntent(actor, requestId, formData, values, sectionIntent);
    const other = section === 'rows' ? 'list' : 'rows';
    const { result, ...answered } = state!;
    return {
      ...answered,
      // The other section keeps what is typed in it, and what its last check said.
      values: { ...ownValues(values, other), ...answered.values },
      rowCount: answered.rowCount ?? rowCountOf(values),
      section,
      [`${section}Result`]: result,
      [`${other}Result`]: prev?.[`${other}Result`],
    };
  }

  // Save and continue: what is typed goes in first, as "Add to request" would add it.
  const rows = rowLines(values);
  const list = await readList(formData, values);
  let kept: Record<string, string> = { ...values };
  let rowCount = rowCountOf(values);
  const results: Pick<NonNullable<NumbersStepState>, 'rowsResult' | 'listResult'> = {};
  if (rows.length) {
    const added = await run(actor, requestId, 'rows', rows, values, 'add', { rowCount });
    if (!added!.ok) return { ...added!, values, rowCount, section: 'rows' };
    kept = { ...ownValues(kept, 'list'), ...added!.values };
    rowCount = added!.rowCount ?? rowCount;
    results.rowsResult = added!.result;
  }
  if (list.ok === false) return { ...list.state!, values: kept, rowCount, section: 'list', ...results };
  if (list.ok === true) {
    const added = await run(actor, requestId, 'list', list.lines, values, 'add');
    if (!added!.ok) return { ...added!, values: { ...kept, ...added!.values }, rowCount, section: 'list', ...results };
    kept = { ...ownValues(kept, 'rows'), ...added!.values };
    results.listResult = added!.result;
  }
  const refused = (results.rowsResult?.summary.refused ?? 0) + (results.listResult?.summary.refused ?? 0);
  if (refused > 0) {
    const added = (results.rowsResult?.summary.accepted ?? 0) + (results.listResult?.summary.accepted ?? 0);
    return {
      ok: false,
      fieldErrors: {},
      formError:
        `${refused === 1 ? '1 line was' : `${refused} lines were`} refused: fix ${refused === 1 ? 'it' : 'them'} below (or clear ${refused === 1 ? 'it' : 'them'}), then Save and continue again.` +
        (added > 0 ? ` The ${added === 1 ? 'accepted number is' : `${added} accepted numbers are`} in the request.` : ''),
      values: kept,
      rowCount,
      section: 'continue',
      ...results,
    };
  }
  const result = await runService(async () => completeNumbersStep(await getDb(), actor, requestId));
  if (!result.ok) return { ...result, values: kept, rowCount, section: 'continue', ...results };
  goToStep(requestId, 'customer');
}

const LIST_FIELDS = new Set(['pasted', 'defaultReceivingNumber', 'defaultTrackingSource', 'checkedFile', 'checkedLargeFile', 'refusedKept']);

/** The values a section's fields hold (the rows' cells and count, or the list's box and defaults). */
function ownValues(values: Record<string, string>, section: 'rows' | 'list'): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => (section === 'list' ? LIST_FIELDS.has(key) : key.startsWith('rows.') || key === 'rowCount')));
}

export async function removeNumbers(formData: FormData): Promise<void> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const number = String(formData.get('number') ?? '');
  const result = await runService(async () => removeNumbersFromDraft(await getDb(), actor, requestId, number === 'all' ? [] : [number]));
  if (!result.ok) await setFlash('error', result.formError ?? 'The number could not be removed.');
  revalidatePath(stepPath(requestId, 'numbers'));
  redirect(stepPath(requestId, 'numbers'));
}

export async function saveRouting(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const choices = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith('route.')).map(([k, v]) => [k.slice(6), v]));
  const result = await runService(async () => saveAlternateRouting(await getDb(), actor, requestId, choices), values);
  if (!result.ok) return result;
  const errors = result.value;
  revalidatePath(stepPath(requestId, 'numbers'));
  if (Object.keys(errors).length) {
    return { ok: false, fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`route.${k}`, [v]])), formError: 'Some new routes need a correction.', values };
  }
  return { ok: true, message: 'Routing saved.' };
}
