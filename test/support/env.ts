/* eslint-disable */ // jest setupFiles: runs before any test module loads n8n-core
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config (its encryption key) on first use; keep it in a temp dir
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'keitaro-n8n-test-'));
// the engine logs every node error with its stack; expected errors would flood the test output
process.env.N8N_LOG_LEVEL ??= 'silent';
