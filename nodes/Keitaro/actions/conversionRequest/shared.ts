import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../helpers/errors';
import type { ReadItems } from '../../helpers/requests/batch';
import { readItems } from '../../helpers/requests/batch';
import type { ConversionRequest, Move } from '../../helpers/requests/record';
import { moveProblem, parseRequest } from '../../helpers/requests/record';
import type { Endpoint } from '../node.type';

/** Checking a request reads the click's conversions, the click, and the offers' payout rule. */
export const REQUEST_LOOKUP_ENDPOINTS: Endpoint[] = [
	{ method: 'POST', path: '/conversions/log' },
	{ method: 'POST', path: '/clicks/log' },
	{ method: 'GET', path: '/offers' },
];

export const requestTypeField: INodeProperties = {
	displayName: 'Request Type',
	name: 'requestType',
	type: 'options',
	default: 'auto',
	options: [
		{
			name: 'By Whether the Conversion Exists',
			value: 'auto',
			description: 'Change the conversion if Keitaro has it (same click and tid), else create it',
		},
		{
			name: 'Change Existing',
			value: 'change',
			description: 'Change status, revenue or sub IDs of a tracked conversion',
		},
		{
			name: 'Create New',
			value: 'create',
			description: 'Create a missing or untracked conversion',
		},
	],
};

export const openRequestsOption: INodeProperties = {
	displayName: 'Open Requests',
	name: 'openRequests',
	type: 'json',
	default: '[]',
	description:
		'A list of stored requests to check against, e.g. the open requests read from the Data Table, given as an expression. A new request for a conversion that already has an open one is refused (DUPLICATE_REQUEST); one identical to a stored request comes out as that request, unchanged.',
};

/** The Open Requests option of item 0 as a list of records. */
export function readOpenRequests(this: IExecuteFunctions): IDataObject[] {
	let value = this.getNodeParameter('options.openRequests', 0, []) as unknown;
	if (typeof value === 'string') {
		try {
			value = value.trim() ? JSON.parse(value) : [];
		} catch {
			value = undefined;
		}
	}
	if (!Array.isArray(value)) {
		throw new InputError(
			'Open Requests must be a list of stored requests',
			"Use an expression such as {{ $('Read open requests').all().map(i => i.json) }}, or leave it as [].",
		);
	}
	return value as IDataObject[];
}

/** Reads the Request of every item and checks the move is allowed from its status. */
export function readRequests(
	this: IExecuteFunctions,
	itemCount: number,
	move: Move,
): ReadItems<ConversionRequest> {
	return readItems(this, itemCount, (i) => {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, move);
		if (problem)
			throw new InputError(
				problem,
				`A request moves inquired → accepted | rejected, accepted → processed | failed, failed → accepted | rejected.`,
			);
		return request;
	});
}

/** The Approver / Rejected By / … field of an item, required. */
export function readActor(this: IExecuteFunctions, i: number, label: string): string {
	const actor = String(this.getNodeParameter('actor', i, '') ?? '').trim();
	if (!actor)
		throw new InputError(
			`${label} is empty`,
			`Say who decides, e.g. the approver’s email or chat user ID; it is stored in the request.`,
		);
	return actor;
}
