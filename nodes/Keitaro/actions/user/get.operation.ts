import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	concurrencyOption,
	dataOnlyOption,
	timeoutOption,
	optionsCollection,
} from '../../descriptions/options';
import { userIdField } from '../../descriptions/userFields';
import { readId } from '../../helpers/ids';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	userIdField,
	optionsCollection(concurrencyOption, dataOnlyOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/users/{id}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readId.call(this, i, 'userId', 'User ID');
	const response = await keitaroApiRequest.call(this, { method: 'GET', path: `/users/${id}` });
	return { data: response.data as IDataObject, request: response.request };
}
