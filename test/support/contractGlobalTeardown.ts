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
			const known = distinct.get(request.signature);
			if (known) known.byNode ||= request.byNode;
			else distinct.set(request.signature, request);
		}
	}
	const signatures = [...distinct.keys()].sort();
	const operations = (list: string[]) =>
		new Set(list.map((s) => s.split(' ').slice(0, 2).join(' ')));
	const byNode = signatures.filter((s) => distinct.get(s)!.byNode);
	writeFileSync(
		join(REQUESTS_DIR, '..', 'contract-requests.txt'),
		signatures
			.map(
				(s) => `${s}    (${distinct.get(s)!.byNode ? 'node' : 'test'}: ${distinct.get(s)!.from})`,
			)
			.join('\n') + '\n',
	);
	console.log(
		`\nContract: ${signatures.length} distinct requests (method, path template, query keys, body keys) over ${operations(signatures).size} operations passed the check against Keitaro's spec; ${byNode.length} of them, over ${operations(byNode).size} operations, sent by the node (.tmp/contract-requests.txt)`,
	);
}
