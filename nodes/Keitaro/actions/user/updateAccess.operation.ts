import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	ACCESS_KINDS,
	accessFields,
	userIdField,
	userOptionsField,
} from '../../descriptions/userFields';
import { operationError } from '../../helpers/errors';
import { readId } from '../../helpers/ids';
import { splitList } from '../../helpers/listInput';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [userIdField, ...accessFields, userOptionsField];

export const endpoints: Endpoint[] = [
	{ method: 'PUT', path: '/users/{id}/access' },
	{ method: 'GET', path: '/users/{id}' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['updateAccess'] } },
	properties,
);

/**
 * Changes what a user may do. Keitaro replaces the whole access settings with what it is sent
 * (PUT /users/{id}/access), so the node reads the current ones first and changes only the kinds
 * and lists given.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readId.call(this, i, 'userId', 'User ID');
	const access = this.getNodeParameter('access', i, {}) as IDataObject;
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const changes: IDataObject = {};
	for (const [name, key] of ACCESS_KINDS) if (access[name]) changes[key] = access[name];
	for (const list of ['resources', 'reports'])
		if (extra[list] !== undefined) changes[list] = splitList(extra[list]);
	if (!Object.keys(changes).length) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			'Nothing to change',
			'Add an object type under Access, or Resources or Reports.',
		);
	}
	const current = await keitaroApiRequest.call(this, { method: 'GET', path: `/users/${id}` });
	const accessData = ((current.data as IDataObject).access_data as IDataObject) ?? {};
	const response = await keitaroApiRequest.call(this, {
		method: 'PUT',
		path: `/users/${id}/access`,
		body: { access_data: { ...accessData, ...changes } },
	});
	return { data: response.data as IDataObject, request: response.request };
}
