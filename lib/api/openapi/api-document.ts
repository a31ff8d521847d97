import 'server-only';
import { API_ENDPOINTS } from '../endpoints';
import { buildOpenApiDocument } from './build-document';

let cached: ReturnType<typeof buildOpenApiDocument> | null = null;

/** The document as served: built once per process (it depends only on code and APP_URL). */
export function getApiDocument() {
  cached ??= buildOpenApiDocument(API_ENDPOINTS);
  return cached;
}
