import type { NextConfig } from 'next';
import { UPLOAD_BODY_LIMIT_BYTES } from './lib/porting/proof/proof-limits';

const nextConfig: NextConfig = {
  // Loaded by Node at run time rather than bundled: PGlite's WASM and s3rver resolve files by path,
  // and React Email imports react-dom/server dynamically. pino and prom-client: the copy the front
  // door (scripts/server.ts) loads, not a second bundled one (their state is shared on globalThis too).
  serverExternalPackages: ['@electric-sql/pglite', 's3rver', 'pg', '@react-email/render', 'pino', 'prom-client'],
  poweredByHeader: false,
  // Static files skip the proxy (lib/security/security-headers.ts sets the rest, with the CSP nonce).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
  experimental: {
    // Room for the most proof one submission takes; anything larger is turned away by proxy.ts.
    serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: UPLOAD_BODY_LIMIT_BYTES,
    // Next loads every route's code at start by default: a second of CPU before the first page on
    // these machines. Each route loads on its first request instead (bench/README.md, cold start).
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
