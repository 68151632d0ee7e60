/* eslint-disable */ // jest setupFiles (and scripts): runs before any module loads n8n-core
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config (its encryption key) on first use; keep it in a
// temp dir of this process, removed when the process ends
if (!process.env.N8N_USER_FOLDER) {
	const folder = mkdtempSync(join(tmpdir(), 'keitaro-n8n-test-'));
	process.env.N8N_USER_FOLDER = folder;
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
}
// the engine logs every node error with its stack; expected errors would flood the test output
process.env.N8N_LOG_LEVEL ??= 'silent';
