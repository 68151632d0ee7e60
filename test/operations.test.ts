/* eslint-disable */
/**
 * Every operation the node offers maps to real Keitaro endpoints: a method + path of Keitaro's
 * OpenAPI spec, or the documented postback URL. The operation reference stays generated.
 */
import { readFileSync } from 'node:fs';

import { operationFor } from '../nodes/Keitaro/actions/router';
import { Keitaro } from '../nodes/Keitaro/Keitaro.node';
import {
	endpointText,
	listOperations,
	OPERATIONS_DOC,
	renderOperationsDoc,
} from '../scripts/operations-doc';
import { loadKeitaroSpec } from './support/spec';

const spec = loadKeitaroSpec();
const source = { node: new Keitaro(), operationFor };
const operations = listOperations(source);

test('every operation declares the Keitaro endpoints it calls, and each exists', () => {
	const problems: string[] = [];
	for (const op of operations) {
		if (!op.endpoints.length)
			problems.push(`${op.resource}.${op.operation}: no endpoints declared (no module?)`);
		for (const endpoint of op.endpoints) {
			if ('postback' in endpoint || 'local' in endpoint) continue;
			const methods = spec.paths[endpoint.path];
			if (!methods?.[endpoint.method.toLowerCase()])
				problems.push(
					`${op.resource}.${op.operation}: ${endpointText(endpoint)} is not in the spec`,
				);
		}
	}
	expect(problems).toEqual([]);
	const onKeitaro = operations.filter((op) => op.endpoints.some((e) => !('local' in e)));
	// the 72 operations of docs/keitaro.md §7 at least, all on Keitaro's own endpoints
	expect(onKeitaro.length).toBeGreaterThanOrEqual(72);
	console.log(
		`${operations.length} operations: ${onKeitaro.length} on real Keitaro endpoints, ` +
			`${operations.length - onKeitaro.length} on the request records alone (Conversion Request)`,
	);
});

test('every operation option has an action label and a description', () => {
	expect(
		operations
			.filter((op) => !op.action || !op.description)
			.map((op) => `${op.resource}.${op.operation}`),
	).toEqual([]);
});

test('docs/operations.md is generated from the current description (run `npm run docs`)', () => {
	expect(readFileSync(OPERATIONS_DOC, 'utf8')).toBe(renderOperationsDoc(source));
});
