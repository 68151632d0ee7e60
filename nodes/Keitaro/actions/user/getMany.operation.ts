import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { limitField, returnAllField } from '../../descriptions/pagination';
import { readLimit } from '../../helpers/pagination';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	returnAllField,
	limitField,
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/users' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getMany'] } },
	properties,
);

/** Keitaro sends every user at once (GET /users has no paging); Limit cuts the list. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const limit = readLimit.call(this, i);
	const response = await keitaroApiRequest.call(this, { method: 'GET', path: '/users' });
	const users = Array.isArray(response.data) ? response.data : [];
	return { data: users.slice(0, limit), request: response.request };
}
