/**
 * A CSV file as a download, streamed a chunk at a time. The first chunk after the header (the first
 * batch of rows) is read before the answer starts: a query that fails at once is an error page, not
 * a 200 with an empty file. A failure later ends the transfer as broken, which browsers and curl
 * report as a failed download rather than a short file.
 */
export async function csvDownload(lines: AsyncIterator<string>, filename: string): Promise<Response> {
  const first: string[] = [];
  let finished = false;
  for (let i = 0; i < 2 && !finished; i++) {
    const next = await lines.next();
    if (next.done) finished = true;
    else first.push(next.value);
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(first.join('')));
      if (finished) controller.close();
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
