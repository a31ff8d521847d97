import 'server-only';
import type { ApiEndpoint } from '../endpoint';
import { getPortRequest } from './port-requests/get-port-request';

// Every operation of /api/v1: the router serves these and the OpenAPI document describes these,
// from the same objects.
export const API_ENDPOINTS: readonly ApiEndpoint[] = [getPortRequest];
