/* eslint-disable */ // jest globalTeardown: how many distinct requests the run checked against the spec
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CheckedRequest } from './contract';
import { REQUESTS_DIR } from './contract';

/**
 * Every test file's checked requests, merged: one line per distinct request (method, path template,
 * query keys, body keys), written to .tmp/contract-requests.txt and counted on the console.
 */
export default function (): void {
	if (!existsSync(REQUESTS_DIR)) return;
	const distinct = new Map<string, CheckedRequest & { from: string }>();
	for (const file of readdirSync(REQUESTS_DIR)) {
		for (const line of readFileSync(join(REQUESTS_DIR, file), 'utf8').split('\n')) {
			if (!line) continue;
			const request = JSON.parse(line);
			if (!distinct.has(request.signature)) distinct.set(request.signature, request);
		}
	}
	const signatures = [...distinct.keys()].sort();
	const operations = new Set(signatures.map((s) => s.split(' ').slice(0, 2).join(' ')));
	writeFileSync(
		join(REQUESTS_DIR, '..', 'contract-requests.txt'),
		signatures.map((s) => `${s}    (${distinct.get(s)!.from})`).join('\n') + '\n',
	);
	console.log(
		`\nContract: ${signatures.length} distinct requests (method, path, query keys, body keys) over ${operations.size} operations passed the check against Keitaro's spec (.tmp/contract-requests.txt)`,
	);
}
