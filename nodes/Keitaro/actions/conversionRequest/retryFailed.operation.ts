import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actorField, checkRuleOptions, requestField } from '../../descriptions/conversionRequest';
import { InputError } from '../../helpers/errors';
import { readItems, recordOutcome } from '../../helpers/requests/batch';
import { checkAll } from '../../helpers/requests/checkAll';
import { moved, moveProblem, parseRequest, rejectedOrFailed } from '../../helpers/requests/record';
import type { BatchOutcome, Endpoint } from '../node.type';
import { readActor, REQUEST_LOOKUP_ENDPOINTS } from './shared';

const properties: INodeProperties[] = [
	requestField,
	actorField(
		'Retried By',
		'Who sends the failed request back to processing; stored in the request',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...checkRuleOptions],
	},
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
	const now = new Date();
	const entries = readItems(this, itemCount, (i) => {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, 'retry');
		if (problem) throw new InputError(problem, 'Only a failed request can be retried.');
		return { request, actor: readActor.call(this, i, 'Retried By') };
	});
	if (entries.stop) return entries.refused.slice(0, 1);
	const checked = await checkAll.call(
		this,
		entries.read.map((e) => ({ index: e.index, request: e.value.request })),
		'process',
		now,
	);
	const at = now.toISOString();
	const decided = entries.read.map(({ index, value: { request, actor } }, n) => {
		const { verdict } = checked[n];
		const decision = { decided_by: actor, decided_at: at };
		return recordOutcome(
			index,
			verdict.ok
				? moved(request, 'accepted', { ...decision, reason_code: '', reason_message: '' })
				: rejectedOrFailed(
						request,
						'rejected',
						verdict.code,
						`Checked at retry: ${verdict.message}`,
						decision,
					),
		);
	});
	return [...entries.refused, ...decided].sort((a, b) => a.items[0] - b.items[0]);
}
