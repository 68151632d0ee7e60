import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actorField, requestField } from '../../descriptions/conversionRequest';
import { InputError, invalidInput } from '../../helpers/errors';
import { moveProblem, parseRequest, rejectedOrFailed } from '../../helpers/requests/record';
import type { Endpoint, OperationResult } from '../node.type';
import { LOCAL } from '../node.type';
import { readActor } from './shared';

/** Reasons an approver gives, in the style of conversion notes at affiliate platforms. */
const REJECTION_REASONS = [
	{
		name: 'Already Paid',
		value: 'ALREADY_PAID',
		description: 'The conversion was paid out; it is final',
	},
	{
		name: 'Duplicate',
		value: 'DUPLICATE',
		description: 'The same conversion is already tracked or requested',
	},
	{
		name: 'Fraud Suspected',
		value: 'FRAUD',
		description: 'The traffic or the sale looks fraudulent',
	},
	{ name: 'Invalid Data', value: 'INVALID_DATA', description: 'Click, amount or status are wrong' },
	{ name: 'Not Eligible', value: 'NOT_ELIGIBLE', description: 'The offer’s terms do not cover it' },
	{ name: 'Other', value: 'OTHER', description: 'Explain in the message' },
];

const properties: INodeProperties[] = [
	requestField,
	actorField('Rejected By', 'Who rejects; stored in the request'),
	{
		displayName: 'Reason Code',
		name: 'reasonCode',
		type: 'options',
		default: 'INVALID_DATA',
		options: REJECTION_REASONS,
	},
	{
		displayName: 'Message',
		name: 'reasonMessage',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
		description: 'Why, in a sentence the requester will read',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['reject'] } },
	properties,
);

export const endpoints: Endpoint[] = [LOCAL];

/** inquired or failed → rejected, with the approver's reason code. Keitaro is not touched. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	try {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, 'reject');
		if (problem)
			throw new InputError(problem, 'Only an inquired or failed request can be rejected.');
		const actor = readActor.call(this, i, 'Rejected By');
		const code = this.getNodeParameter('reasonCode', i) as string;
		const message = String(this.getNodeParameter('reasonMessage', i, '') ?? '').trim();
		const rejected = rejectedOrFailed(
			request,
			'rejected',
			code,
			message || REJECTION_REASONS.find((r) => r.value === code)?.description || code,
			{
				decided_by: actor,
				decided_at: new Date().toISOString(),
			},
		);
		return { data: rejected as unknown as IDataObject, request: null };
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
}
