import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actorField, checkRuleOptions, requestField } from '../../descriptions/conversionRequest';
import { InputError } from '../../helpers/errors';
import { readItems, recordOutcome } from '../../helpers/requests/batch';
import { checkAll } from '../../helpers/requests/checkAll';
import { moved, moveProblem, parseRequest, rejectedOrFailed } from '../../helpers/requests/record';
import { samePerson } from '../../helpers/requests/rules';
import type { BatchOutcome, Endpoint } from '../node.type';
import { readActor, REQUEST_LOOKUP_ENDPOINTS } from './shared';

const properties: INodeProperties[] = [
	requestField,
	actorField(
		'Approver',
		'Who accepts; must not be the requester unless self-approval is allowed (four-eyes)',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Self-Approval',
				name: 'allowSelfApproval',
				type: 'boolean',
				default: false,
				description:
					'Whether the requester may accept their own request (switches off the four-eyes rule)',
			},
			...checkRuleOptions,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['accept'] } },
	properties,
);

export const endpoints: Endpoint[] = REQUEST_LOOKUP_ENDPOINTS;

/**
 * inquired → accepted, after the four-eyes rule and the checks against Keitaro once more; a request
 * that no longer passes them (the conversion changed: STALE, …) is rejected with the reason.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const now = new Date();
	const entries = readItems(this, itemCount, (i) => {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, 'accept');
		if (problem) throw new InputError(problem, 'Only an inquired request can be accepted.');
		const approver = readActor.call(this, i, 'Approver');
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		if (samePerson(approver, request.requested_by) && options.allowSelfApproval !== true) {
			throw new InputError(
				`Request ${request.request_id} was raised by ${request.requested_by}, who cannot also accept it`,
				'Four-eyes rule: another person accepts. Switch on "Allow Self-Approval" only where one person may do both.',
			);
		}
		return { request, approver };
	});
	if (entries.stop) return entries.refused.slice(0, 1);
	const checked = await checkAll.call(
		this,
		entries.read.map((e) => ({ index: e.index, request: e.value.request })),
		'accept',
		now,
	);
	const at = now.toISOString();
	const decided = entries.read.map(({ index, value: { request, approver } }, n) => {
		const { verdict } = checked[n];
		const decision = { decided_by: approver, decided_at: at };
		return recordOutcome(
			index,
			verdict.ok
				? moved(request, 'accepted', { ...decision, reason_code: '', reason_message: '' })
				: rejectedOrFailed(
						request,
						'rejected',
						verdict.code,
						`Checked at acceptance: ${verdict.message}`,
						decision,
					),
		);
	});
	return [...entries.refused, ...decided].sort((a, b) => a.items[0] - b.items[0]);
}
