import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { logTypeField } from '../../descriptions/logType';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { limitField, returnAllField } from '../../descriptions/pagination';
import { readLimit } from '../../helpers/pagination';
import { keitaroApiRequestAllItems } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	logTypeField,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: '3kd9s8d7f6',
		description: 'Only lines that contain this text, e.g. a click ID',
	},
	returnAllField,
	limitField,
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/logs/{type}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['log'], operation: ['getEntries'] } },
	properties,
);

/**
 * Lines of one of Keitaro's logs, newest first: `{datetime, jid, message}`. Keitaro's lines can
 * carry the postback key (received-postback URLs); the transport masks it.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const type = this.getNodeParameter('logType', i) as string;
	const limit = readLimit.call(this, i);
	const search = String(this.getNodeParameter('search', i, '') ?? '').trim();
	const response = await keitaroApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/logs/${type}`, qs: search ? { query: search } : {} },
		limit,
	);
	return { data: response.data, request: response.request };
}
