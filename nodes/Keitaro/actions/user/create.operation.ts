import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createUserFields, userOptionsField } from '../../descriptions/userFields';
import { invalidInput } from '../../helpers/errors';
import { userBody } from '../../helpers/userInput';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [...createUserFields, userOptionsField];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/users' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

/** Creates a Keitaro user (POST /users); never retried, so a lost answer cannot create two. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	let body: IDataObject;
	try {
		body = userBody({
			login: this.getNodeParameter('login', i, ''),
			password: this.getNodeParameter('password', i, ''),
			type: this.getNodeParameter('type', i),
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		});
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
	const response = await keitaroApiRequest.call(this, { method: 'POST', path: '/users', body });
	return { data: response.data as IDataObject, request: response.request };
}
