import 'server-only';
import { z } from 'zod';

// Path parameters shared by the endpoints. A malformed id is answered 404 by the door, like an id
// of another account.
export const requestIdParams = z.object({
  id: z.uuid().meta({ param: { description: 'The port request id' } }),
});
