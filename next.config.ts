import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Loaded by Node at run time rather than bundled: PGlite's WASM and s3rver resolve files by path,
  // and React Email imports react-dom/server dynamically.
  serverExternalPackages: ['@electric-sql/pglite', 's3rver', 'pg', '@react-email/components', '@react-email/render'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: '12mb' },
  },
};

export default nextConfig;
