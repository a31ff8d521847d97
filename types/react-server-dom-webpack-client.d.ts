// The React Flight client Next bundles; tests use its encoder to call server actions as a browser does.
declare module 'next/dist/compiled/react-server-dom-webpack/client.node.js' {
  export function encodeReply(value: unknown): Promise<FormData | string>;
}
