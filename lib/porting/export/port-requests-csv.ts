import 'server-only';
import { CSV_BYTE_ORDER_MARK, spreadsheetSafeLine } from '@/lib/csv/spreadsheet-safe';
import { formatPhoneNumber } from '@/lib/phone/format';
import { STATUS_DESCRIPTIONS } from '@/lib/porting/lifecycle/status-labels';
import type { PortRequestExportRow } from '@/lib/porting/queries/export-port-requests';

const HEADER = ['Request ID', 'Reference', 'Status', 'Current carrier', 'Customer name', 'Submitted', 'Port date', 'Number', 'Receiving number', 'Number status', 'Target account'];

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/**
 * The export as CSV lines, a batch of requests at a time: every cell is spreadsheet-safe (a
 * customer name like =HYPERLINK(...) stays text), because people open this in Excel.
 */
export async function* portRequestCsvLines(batches: AsyncIterable<PortRequestExportRow[]>): AsyncGenerator<string> {
  yield CSV_BYTE_ORDER_MARK + spreadsheetSafeLine(HEADER);
  for await (const batch of batches) {
    yield batch
      .map((r) =>
        spreadsheetSafeLine([
          r.requestId,
          r.reference,
          STATUS_DESCRIPTIONS[r.status as keyof typeof STATUS_DESCRIPTIONS]?.label ?? r.status,
          r.losingCarrier,
          r.customerName,
          day(r.submittedAt),
          day(r.focDate),
          // As the list shows them: readable, never a formula, and the import takes them back.
          r.number && formatPhoneNumber(r.number),
          r.receivingNumber && formatPhoneNumber(r.receivingNumber),
          r.numberStatus,
          r.targetAccount,
        ]),
      )
      .join('');
  }
}
