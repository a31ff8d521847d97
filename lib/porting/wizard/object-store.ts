import 'server-only';
import { deleteObject, putObject } from '@/lib/storage/s3';

/** Where the wizard puts files (signed letters, proof): the app's storage, unless a caller passes another. */
export type ObjectStore = { putObject: typeof putObject; deleteObject: typeof deleteObject };

export const appStorage: ObjectStore = { putObject, deleteObject };
