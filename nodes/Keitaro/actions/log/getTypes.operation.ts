import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [optionsCollection(requestDetailsOption, timeoutOption)];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/logs/types' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['log'], operation: ['getTypes'] } },
	properties,
);

/** The logs this tracker keeps, one record per log. */
export async function execute(this: IExecuteFunctions): Promise<OperationResult> {
	const response = await keitaroApiRequest.call(this, {
		method: 'POST',
		path: '/logs/types',
		idempotent: true,
	});
	const types = Array.isArray(response.data) ? (response.data as unknown[]) : [];
	return { data: types.map((type) => ({ type: String(type) })), request: response.request };
}
