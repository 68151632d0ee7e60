/* eslint-disable */
/**
 * Keitaro's OpenAPI spec, as kept in the repository (test/fixtures/, source and sha256 in the
 * .SOURCE.md beside it). Loading checks the hash, so a changed copy cannot pass unnoticed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPEC_PATH = join(__dirname, '..', 'fixtures', 'keitaro-admin-api-v1.openapi.json');
export const SPEC_SHA256 = 'a4a6a1a6c23d084046696a62f18ed8e6f8f26978ca8cffb501c811942e03071a';

export function loadKeitaroSpec(): any {
	const bytes = readFileSync(SPEC_PATH);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	if (sha256 !== SPEC_SHA256)
		throw new Error(`${SPEC_PATH} has sha256 ${sha256}, expected ${SPEC_SHA256} (see its .SOURCE.md)`);
	return JSON.parse(bytes.toString('utf8'));
}
