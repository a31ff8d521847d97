import type { Metadata } from 'next';
import { getApiDocument } from '@/lib/api/openapi/api-document';
import { ApiReference, type ReferenceDocument } from './api-reference';

// The API reference: public like /api/v1/openapi.json, rendered on the server from the same document.
export const metadata: Metadata = { title: 'API reference' };
// APP_URL (in the problem types' URIs and the base URL) is read at run time, not at build.
export const dynamic = 'force-dynamic';

export default function ApiDocsPage() {
  return <ApiReference document={getApiDocument() as unknown as ReferenceDocument} />;
}
