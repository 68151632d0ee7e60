import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { limitField, returnAllField } from '../../descriptions/pagination';
import { groupPostbackLog } from '../../helpers/postbackLog';
import { readLimit } from '../../helpers/pagination';
import { keitaroApiRequestAllItems } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const DEFAULT_LINES = 2000;

const properties: INodeProperties[] = [
	{
		displayName: 'Click ID',
		name: 'clickId',
		type: 'string',
		default: '',
		placeholder: '3kd9s8d7f6',
		description: 'Only postbacks about this click (its Keitaro subid); empty: every postback',
	},
	returnAllField,
	limitField,
	optionsCollection(
		requestDetailsOption,
		{
			displayName: 'Lines to Search',
			name: 'lines',
			type: 'number',
			default: DEFAULT_LINES,
			typeOptions: { minValue: 1 },
			description:
				'How many of the newest log lines to read (Keitaro writes 2–4 per postback). Return All reads the whole log.',
		},
		timeoutOption,
	),
];

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/logs/{type}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['postback'], operation: ['getReceived'] } },
	properties,
);

/**
 * The postbacks Keitaro received, newest first, each with Keitaro's lines about it and whether it
 * was ignored and why — what to read when a conversion did not show up. Keitaro's lines carry the
 * postback URL with the key; the transport masks it.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const clickId = String(this.getNodeParameter('clickId', i, '') ?? '').trim();
	const limit = readLimit.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// the verdict lines do not name the click, so the log is read whole and grouped by job
	const response = await keitaroApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/logs/postbacks' },
		limit === undefined ? undefined : Number(options.lines ?? DEFAULT_LINES),
	);
	const postbacks = groupPostbackLog(response.data).filter(
		(postback) => !clickId || postback.click_id === clickId,
	);
	return { data: postbacks.slice(0, limit), request: response.request };
}
