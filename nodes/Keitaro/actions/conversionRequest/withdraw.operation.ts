import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actorField, requestField } from '../../descriptions/conversionRequest';
import { InputError, invalidInput } from '../../helpers/errors';
import { moveProblem, parseRequest, rejectedOrFailed } from '../../helpers/requests/record';
import { samePerson } from '../../helpers/requests/rules';
import type { Endpoint, OperationResult } from '../node.type';
import { LOCAL } from '../node.type';
import { readActor } from './shared';

const properties: INodeProperties[] = [
	requestField,
	actorField('Withdrawn By', 'Who withdraws; only the requester can'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['withdraw'] } },
	properties,
);

export const endpoints: Endpoint[] = [LOCAL];

/** The requester takes back an inquired request: → rejected, reason WITHDRAWN. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	try {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, 'withdraw');
		if (problem)
			throw new InputError(
				problem,
				'Only an inquired request can be withdrawn; ask an approver to reject a later one.',
			);
		const actor = readActor.call(this, i, 'Withdrawn By');
		if (!samePerson(actor, request.requested_by)) {
			throw new InputError(
				`Request ${request.request_id} was raised by ${request.requested_by}; only they can withdraw it`,
				'Someone else can reject it instead.',
			);
		}
		const withdrawn = rejectedOrFailed(request, 'rejected', 'WITHDRAWN', `Withdrawn by ${actor}.`, {
			decided_by: actor,
			decided_at: new Date().toISOString(),
		});
		return { data: withdrawn as unknown as IDataObject, request: null };
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
}
