import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actorField, checkRuleOptions, requestField } from '../../descriptions/conversionRequest';
import { optionsCollection } from '../../descriptions/options';
import type { BatchOutcome, Endpoint } from '../node.type';
import { decideAfterChecks, REQUEST_LOOKUP_ENDPOINTS } from './shared';

const properties: INodeProperties[] = [
	requestField,
	actorField(
		'Retried By',
		'Who sends the failed request back to processing; stored in the request',
	),
	optionsCollection(...checkRuleOptions),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['retryFailed'] } },
	properties,
);

export const endpoints: Endpoint[] = REQUEST_LOOKUP_ENDPOINTS;

/**
 * failed → accepted after the checks pass again (then Process applies it), or → rejected when they
 * do not. A request whose change Keitaro shows by now (a slow postback queue) is accepted too:
 * Process then marks it processed without sending it again.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	return await decideAfterChecks.call(this, itemCount, {
		move: 'retry',
		actorLabel: 'Retried By',
		stage: 'process',
		checkedAt: 'at retry',
	});
}
