import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userIdField, userOptionsField } from '../../descriptions/userFields';
import { readId } from '../../helpers/ids';
import { keitaroApiRequest } from '../../transport';
import type { ItemOperation } from '../node.type';

/**
 * Get and Delete: one call on /users/{id}. Keitaro deletes a user for good (no archive) and
 * answers without a body, so Delete outputs the ID it deleted.
 */
export function userById(operation: 'get' | 'delete'): ItemOperation {
	const method = operation === 'get' ? 'GET' : 'DELETE';
	return {
		description: updateDisplayOptions({ show: { resource: ['user'], operation: [operation] } }, [
			userIdField,
			userOptionsField,
		]),
		endpoints: [{ method, path: '/users/{id}' }],
		async execute(this: IExecuteFunctions, i: number) {
			const id = readId.call(this, i, 'userId', 'User ID');
			const response = await keitaroApiRequest.call(this, { method, path: `/users/${id}` });
			return {
				data: operation === 'get' ? (response.data as IDataObject) : { id, deleted: true },
				request: response.request,
			};
		},
	};
}
