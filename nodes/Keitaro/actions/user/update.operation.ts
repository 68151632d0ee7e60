import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { updateUserFields, userIdField, userOptionsField } from '../../descriptions/userFields';
import { invalidInput, operationError } from '../../helpers/errors';
import { readId } from '../../helpers/ids';
import { userBody } from '../../helpers/userInput';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [userIdField, ...updateUserFields, userOptionsField];

export const endpoints: Endpoint[] = [{ method: 'PUT', path: '/users/{id}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readId.call(this, i, 'userId', 'User ID');
	let body: IDataObject;
	try {
		body = userBody(this.getNodeParameter('updateFields', i, {}) as IDataObject);
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
	if (!Object.keys(body).length) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			'Nothing to update',
			'Add at least one field under Update Fields.',
		);
	}
	const response = await keitaroApiRequest.call(this, {
		method: 'PUT',
		path: `/users/${id}`,
		body,
	});
	return { data: response.data as IDataObject, request: response.request };
}
