import os from 'node:os';
import path from 'node:path';

// Tests never touch the developer's .data/: local secrets and embedded files go to a temp folder.
process.env.DATA_DIR ??= path.join(os.tmpdir(), 'port-numbers-tests');
process.env.APP_URL ??= 'http://localhost:3000';
delete process.env.RESEND_API_KEY;
delete process.env.S3_BUCKET;
delete process.env.S3_ENDPOINT;
// The app's JSON log lines would bury jest's output; a test that reads them spies on the logger.
process.env.LOG_LEVEL ??= 'silent';
