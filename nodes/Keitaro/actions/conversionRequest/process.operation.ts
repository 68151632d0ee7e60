import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkRuleOptions, requestField } from '../../descriptions/conversionRequest';
import {
	adaptiveConcurrencyOption,
	confirmTimeoutOption,
	optionsCollection,
	postbackConcurrencyOption,
	timeoutOption,
} from '../../descriptions/options';
import { recordOutcome } from '../../helpers/batch';
import { concurrencyLimit } from '../../helpers/concurrency';
import { optionNumber } from '../../helpers/options';
import { checkAll } from '../../helpers/requests/checkAll';
import { processRequests } from '../../helpers/requests/process';
import type { BatchOutcome, Endpoint } from '../node.type';
import { POSTBACK } from '../node.type';
import { readRequests, REQUEST_LOOKUP_ENDPOINTS } from './shared';

const properties: INodeProperties[] = [
	requestField,
	optionsCollection(
		...checkRuleOptions,
		postbackConcurrencyOption,
		adaptiveConcurrencyOption,
		confirmTimeoutOption,
		timeoutOption,
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['process'] } },
	properties,
);

export const endpoints: Endpoint[] = [POSTBACK, ...REQUEST_LOOKUP_ENDPOINTS];

/**
 * Applies accepted requests to Keitaro through its postback URL, checks first, confirms after:
 * each request ends processed (with Keitaro's result) or failed (with the reason).
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const now = new Date();
	const requests = readRequests.call(this, itemCount, 'process');
	if (requests.stop) return requests.refused.slice(0, 1);
	const settings = {
		concurrency: concurrencyLimit.call(this, postbackConcurrencyOption),
		confirmTimeoutMs: optionNumber.call(this, 0, confirmTimeoutOption) * 1000,
	};
	const entries = requests.read.map((r) => ({ index: r.index, request: r.value }));
	const checked = await checkAll.call(this, entries, 'process', now);
	const results = await processRequests.call(
		this,
		entries.map((e) => e.request),
		checked,
		settings,
	);
	const outcomes = results.map((record, n) => recordOutcome(entries[n].index, record));
	return [...requests.refused, ...outcomes].sort((a, b) => a.items[0] - b.items[0]);
}
