import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { labelFields } from '../../descriptions/labelFields';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { operationError } from '../../helpers/errors';
import { readId } from '../../helpers/ids';
import { splitList } from '../../helpers/listInput';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	...labelFields,
	{
		displayName: 'Values',
		name: 'values',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'site-a.com\nsite-b.com',
		description: 'The values to label: one per line, or separated by commas',
	},
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/report/labels' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['statistics'], operation: ['updateLabels'] } },
	properties,
);

/** Labels values whitelist or blacklist in a campaign's reports (POST /report/labels). */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const campaignId = readId.call(this, i, 'campaignId', 'Campaign ID');
	const refName = this.getNodeParameter('refName', i) as string;
	const label = this.getNodeParameter('label', i) as string;
	// keywords may hold spaces: only lines and commas separate values
	const values = splitList(this.getNodeParameter('values', i), /[\r\n,]+/);
	if (!values.length) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			'Values is empty',
			`Enter the ${refName} values to label ${label}, one per line.`,
		);
	}
	const response = await keitaroApiRequest.call(this, {
		method: 'POST',
		path: '/report/labels',
		body: {
			campaign_id: campaignId,
			ref_name: refName,
			// the spec's LabelRequestPost.items, read as value → label (docs/keitaro.md §2.11: not verified)
			items: Object.fromEntries(values.map((value) => [value, label])),
		},
	});
	return {
		data: {
			campaign_id: campaignId,
			column: refName,
			label,
			values,
			count: values.length,
			keitaro_answer: response.data as IDataObject,
		},
		request: response.request,
	};
}
