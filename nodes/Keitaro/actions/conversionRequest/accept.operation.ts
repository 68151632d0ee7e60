import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actorField, checkRuleOptions, requestField } from '../../descriptions/conversionRequest';
import { optionsCollection } from '../../descriptions/options';
import { InputError } from '../../helpers/errors';
import { samePerson } from '../../helpers/requests/rules';
import type { BatchOutcome, Endpoint } from '../node.type';
import { decideAfterChecks, REQUEST_LOOKUP_ENDPOINTS } from './shared';

const properties: INodeProperties[] = [
	requestField,
	actorField(
		'Approver',
		'Who accepts; must not be the requester unless self-approval is allowed (four-eyes)',
	),
	optionsCollection(
		{
			displayName: 'Allow Self-Approval',
			name: 'allowSelfApproval',
			type: 'boolean',
			default: false,
			description:
				'Whether the requester may accept their own request (switches off the four-eyes rule)',
		},
		...checkRuleOptions,
	),
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
	return await decideAfterChecks.call(this, itemCount, {
		move: 'accept',
		actorLabel: 'Approver',
		stage: 'accept',
		checkedAt: 'at acceptance',
		vet: (request, approver, i) => {
			const options = this.getNodeParameter('options', i, {}) as IDataObject;
			if (samePerson(approver, request.requested_by) && options.allowSelfApproval !== true) {
				throw new InputError(
					`Request ${request.request_id} was raised by ${request.requested_by}, who cannot also accept it`,
					'Four-eyes rule: another person accepts. Switch on "Allow Self-Approval" only where one person may do both.',
				);
			}
		},
	});
}
