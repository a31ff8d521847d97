'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { requireRequestForAction } from '@/lib/forms/require-request';
import { getDb } from '@/lib/db';
import { formValues, type FormFailure, type FormState } from '@/lib/forms/form-state';
import { setFlash } from '@/lib/forms/flash';
import { runService } from '@/lib/forms/run-service';
import { decodeNumberFile, MAX_IMPORT_BYTES, readNumberLines, type RawLine } from '@/lib/porting/wizard/numbers/read-number-lines';
import { completeNumbersStep } from '@/lib/porting/wizard/numbers/complete-step';
import type { NumberLinesResult } from '@/lib/porting/wizard/numbers/lines-result';
import { removeNumbersFromDraft } from '@/lib/porting/wizard/numbers/remove-numbers';
import { saveAlternateRouting } from '@/lib/porting/wizard/numbers/routing';
import { runNumberLines } from '@/lib/porting/wizard/numbers/run-lines';
import { dismissLinesToFix } from '@/lib/porting/wizard/numbers/dismiss-lines-to-fix';
import type { KeepRefused } from '@/lib/porting/wizard/numbers/keep-lines-to-fix';
import { listLinesToFix } from '@/lib/porting/wizard/numbers/lines-to-fix';
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
  section: 'rows' | 'list' | 'fix' | 'routing' | 'continue';
  rowsResult?: NumberLinesResult;
  listResult?: NumberLinesResult;
  /** What adding the corrected lines to fix did (they show again from the draft, with their new reasons). */
  fixResult?: NumberLinesResult;
}>;

const MAX_ROWS = 50;
const ECHO_LIMIT_BYTES = 1024 * 1024;

function defaultsOf(values: Record<string, string>) {
  return { receivingNumber: values.defaultReceivingNumber?.trim() || undefined, trackingSourceName: values.defaultTrackingSource?.trim() || undefined };
}

async function run(
  actor: Actor,
  requestId: string,
  form: 'rows' | 'list' | 'fix',
  lines: RawLine[],
  values: Record<string, string>,
  intent: string,
  extra: { rowCount?: number; keep?: KeepRefused } = {},
): Promise<NumbersFormState> {
  const mode = intent === 'add' ? 'added' : 'checked';
  const { keep, ...shown } = extra;
  const checked = await runService(async () => runNumberLines(await getDb(), actor, requestId, lines, defaultsOf(values), mode, new Date(), keep), values);
  if (!checked.ok) {
    // Nothing was checked (e.g. over the hourly limit): the lines stay, without the notes saying they were.
    const kept = Object.fromEntries(Object.entries(checked.values).filter(([key]) => key !== 'checkedFile' && key !== 'checkedLargeFile'));
    return { ...checked, values: kept, ...shown };
  }
  const result = checked.value;
  if (mode === 'checked') return { ok: true, fieldErrors: {}, values, result, ...shown };
  revalidatePath(stepPath(requestId, 'numbers'));
  // After adding, what was refused waits under "Lines to fix" (kept on the draft): the section starts afresh.
  if (form === 'list') {
    const { defaultReceivingNumber = '', defaultTrackingSource = '' } = values;
    return { ok: true, fieldErrors: {}, values: { defaultReceivingNumber, defaultTrackingSource }, result };
  }
  return { ok: true, fieldErrors: {}, values: {}, result, ...(form === 'rows' ? { rowCount: 3 } : {}) };
}

/** Where a line came from, as "Lines to fix" names it. */
function keepFrom(form: 'rows' | 'list', filename?: string): KeepRefused {
  const origin = form === 'rows' ? (l: RawLine) => `Typed in row ${l.line}` : filename ? (l: RawLine) => `${filename}, line ${l.line}` : (l: RawLine) => `Pasted list, line ${l.line}`;
  return { origin, replacing: [] };
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
  return run(actor, requestId, 'rows', lines, values, intent, { rowCount, keep: keepFrom('rows') });
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
  return run(actor, requestId, 'list', list.lines, { ...values, ...checkedFile }, intent, { keep: keepFrom('list', list.file?.name) });
}

/**
 * The numbers step's one form: every section (lines to fix, routing, rows, list) and "Save and
 * continue" post it, each button naming its section ("rows:check", "list:add", "fix:dismiss:<id>",
 * "continue"). Continue saves everything the page holds: the rows and the list (or the file
 * chosen) as "Add to request" would, the lines to fix as corrected, the routing typed; it goes on
 * only when nothing is left to fix.
 */
export async function submitNumbersStep(prev: NumbersStepState, formData: FormData): Promise<NumbersStepState> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const values = formValues(formData);
  const intent = values.intent ?? 'continue';
  const [section, sectionIntent = ''] = intent.split(/:(.*)/s);
  // What other sections hold is kept whatever answers: the lines to fix and the routing as typed.
  const carried = carriedValues(values);
  const earlier = { rowsResult: prev?.rowsResult, listResult: prev?.listResult };
  if (section === 'rows' || section === 'list') {
    const state = section === 'rows' ? await rowsIntent(actor, requestId, values, sectionIntent) : await listIntent(actor, requestId, formData, values, sectionIntent);
    const other = section === 'rows' ? 'list' : 'rows';
    const { result, ...answered } = state!;
    return {
      ...answered,
      // The other section keeps what is typed in it, and what its last check said.
      values: { ...carried, ...ownValues(values, other), ...answered.values },
      rowCount: answered.rowCount ?? rowCountOf(values),
      section,
      ...earlier,
      [`${section}Result`]: result,
    };
  }
  const untouched = { ...carried, ...ownValues(values, 'rows'), ...ownValues(values, 'list') };
  if (section === 'fix' && sectionIntent !== 'add') {
    const ids = sectionIntent === 'dismiss-all' ? 'all' : [sectionIntent.slice('dismiss:'.length)];
    const dismissed = await runService(async () => dismissLinesToFix(await getDb(), actor, requestId, ids), untouched);
    if (!dismissed.ok) return { ...dismissed, rowCount: rowCountOf(values), section: 'fix', ...earlier };
    revalidatePath(stepPath(requestId, 'numbers'));
    const message = dismissed.value === 1 ? 'The line was dismissed.' : `${dismissed.value} lines were dismissed.`;
    return { ok: true, message, fieldErrors: {}, values: untouched, rowCount: rowCountOf(values), section: 'fix', ...earlier };
  }
  if (section === 'fix') {
    const fixed = await retryLinesToFix(actor, requestId, values);
    if (!fixed.ok) return { ...fixed, values: untouched, rowCount: rowCountOf(values), section: 'fix', ...earlier };
    return { ok: true, fieldErrors: {}, values: untouched, rowCount: rowCountOf(values), section: 'fix', ...earlier, fixResult: fixed.result };
  }

  // Save and continue: what is typed goes in first, as "Add to request" would add it; the lines
  // to fix before the rows and the list, whose refusals would otherwise be tried twice.
  let kept: Record<string, string> = untouched;
  let rowCount = rowCountOf(values);
  const fixed = await retryLinesToFix(actor, requestId, values);
  if (!fixed.ok) return { ...fixed, values: kept, rowCount, section: 'fix' };
  const results: Pick<NonNullable<NumbersStepState>, 'rowsResult' | 'listResult' | 'fixResult'> = { fixResult: fixed.result };
  const rows = rowLines(values);
  if (rows.length) {
    const added = (await run(actor, requestId, 'rows', rows, values, 'add', { rowCount, keep: keepFrom('rows') }))!;
    if (!added.ok) return { ...added, values: kept, rowCount, section: 'rows' };
    kept = { ...carried, ...ownValues(kept, 'list'), ...added.values };
    rowCount = added.rowCount ?? rowCount;
    results.rowsResult = added.result;
  }
  const list = await readList(formData, values);
  if (list.ok === false) return { ...list.state!, values: kept, rowCount, section: 'list', ...results };
  if (list.ok === true) {
    const added = (await run(actor, requestId, 'list', list.lines, values, 'add', { keep: keepFrom('list', list.file?.name) }))!;
    if (!added.ok) return { ...added, values: { ...kept, ...added.values }, rowCount, section: 'list', ...results };
    kept = { ...carried, ...ownValues(kept, 'rows'), ...added.values };
    results.listResult = added.result;
  }
  const routed = await saveRouting(actor, requestId, values);
  if (!routed.ok) return { ...routed, values: kept, rowCount, section: 'routing', ...results };

  const refused = [results.rowsResult, results.listResult, results.fixResult].reduce((sum, r) => sum + (r?.summary.refused ?? 0), 0);
  if (refused > 0) {
    const added = [results.rowsResult, results.listResult, results.fixResult].reduce((sum, r) => sum + (r?.summary.accepted ?? 0), 0);
    return {
      ok: false,
      fieldErrors: {},
      formError:
        `${refused === 1 ? '1 line was' : `${refused} lines were`} not added: fix ${refused === 1 ? 'it' : 'them'} under "Lines to fix" (or dismiss ${refused === 1 ? 'it' : 'them'}), then Save and continue again.` +
        (added > 0 ? ` The ${added === 1 ? 'accepted number is' : `${added} accepted numbers are`} in the request.` : ''),
      values: kept,
      rowCount,
      section: 'continue',
      ...results,
    };
  }
  const result = await runService(async () => completeNumbersStep(await getDb(), actor, requestId));
  if (!result.ok) return { ...result, values: kept, rowCount, section: 'continue', ...results };
  goToStep(requestId, 'customer', formData);
}

/**
 * The lines to fix, as corrected on the page, added again: those accepted join the request, those
 * still refused stay with their new reason. Only the draft's own lines are read (from the draft,
 * never from ids the page sends); a line the page did not show keeps what it held.
 */
async function retryLinesToFix(actor: Actor, requestId: string, values: Record<string, string>): Promise<{ ok: true; result?: NumberLinesResult } | FormFailure> {
  const db = await getDb();
  const { lines: stored } = await listLinesToFix(db, { id: requestId });
  if (stored.length === 0) return { ok: true };
  const typed = (id: string, field: string, saved: string | null) => (values[`fix.${id}.${field}`] ?? saved ?? '').trim() || undefined;
  const lines: RawLine[] = stored.map((l, i) => ({
    line: i + 1,
    numberToPort: typed(l.id, 'number', l.numberToPort) ?? '',
    receivingNumber: typed(l.id, 'receivingNumber', l.receivingNumber),
    trackingSource: typed(l.id, 'trackingSource', l.trackingSource),
    accountName: typed(l.id, 'accountName', l.accountName),
  }));
  const keep: KeepRefused = { origin: (l) => stored[l.line - 1].origin, replacing: stored.map((l) => l.id) };
  const added = await run(actor, requestId, 'fix', lines, {}, 'add', { keep });
  if (!added!.ok) return added as FormFailure;
  return { ok: true, result: added!.result };
}

/** The routing typed for the tracking numbers that forward to a number being ported; saved when any is typed. */
async function saveRouting(actor: Actor, requestId: string, values: Record<string, string>): Promise<{ ok: true } | FormFailure> {
  const choices = Object.fromEntries(Object.entries(values).filter(([k, v]) => k.startsWith('route.') && v.trim()).map(([k, v]) => [k.slice('route.'.length), v]));
  if (Object.keys(choices).length === 0) return { ok: true };
  const result = await runService(async () => saveAlternateRouting(await getDb(), actor, requestId, choices));
  if (!result.ok) return result;
  revalidatePath(stepPath(requestId, 'numbers'));
  const errors = result.value;
  if (Object.keys(errors).length === 0) return { ok: true };
  return { ok: false, fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`route.${k}`, [v]])), formError: 'Some new routes need a correction.', values };
}

const LIST_FIELDS = new Set(['pasted', 'defaultReceivingNumber', 'defaultTrackingSource', 'checkedFile', 'checkedLargeFile']);

/** The values a section's fields hold (the rows' cells and count, or the list's box and defaults). */
function ownValues(values: Record<string, string>, section: 'rows' | 'list'): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => (section === 'list' ? LIST_FIELDS.has(key) : key.startsWith('rows.') || key === 'rowCount')));
}

/** The lines to fix and the routing as typed: kept on the page whichever section answers. */
function carriedValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key.startsWith('fix.') || key.startsWith('route.')));
}

export async function removeNumbers(formData: FormData): Promise<void> {
  const { actor, requestId } = await requireRequestForAction(formData);
  const number = String(formData.get('number') ?? '');
  const result = await runService(async () => removeNumbersFromDraft(await getDb(), actor, requestId, number === 'all' ? [] : [number]));
  if (!result.ok) await setFlash('error', result.formError ?? 'The number could not be removed.');
  revalidatePath(stepPath(requestId, 'numbers'));
  redirect(stepPath(requestId, 'numbers'));
}
