import { request as httpRequest } from 'node:http';
import { encodeReply } from 'next/dist/compiled/react-server-dom-webpack/client.node.js';
import { baseUrl } from './browser';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A request as a script sends it, every header its own (Host included, which browsers and fetch
 * will not forge), straight to the server's socket.
 */
export function rawRequest(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; chunks?: Iterable<Buffer> } = {},
): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  const forgesHost = Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'host');
  const headers = { ...(forgesHost ? {} : { host: url.host }), ...options.headers };
  let answered = false;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: url.port, method, path: `${url.pathname}${url.search}`, headers },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // A server that answers early (413) and closes may reset the upload: the answer still counts.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (options.chunks) {
      (async () => {
        for (const chunk of options.chunks!) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        req.end();
      })().catch(() => req.destroy());
      return;
    }
    req.end(options.body);
  });
}

/** A server action called as Next's client calls it, with the script's own headers. */
export async function rawAction(path: string, actionId: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<RawResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = await encodeReply([form, form]);
  const body = new Response(encoded as BodyInit);
  const contentType = typeof encoded === 'string' ? 'text/plain;charset=UTF-8' : body.headers.get('content-type')!;
  return rawRequest('POST', path, {
    headers: { 'Next-Action': actionId, Accept: 'text/x-component', 'Content-Type': contentType, ...headers },
    body: Buffer.from(await body.arrayBuffer()),
  });
}
