import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { labelFields } from '../../descriptions/labelFields';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { readId } from '../../helpers/ids';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	...labelFields,
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/report/labels' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['statistics'], operation: ['getLabels'] } },
	properties,
);

/** The values a campaign's reports label whitelist or blacklist, one record per value. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const campaignId = readId.call(this, i, 'campaignId', 'Campaign ID');
	const refName = this.getNodeParameter('refName', i) as string;
	const label = this.getNodeParameter('label', i) as string;
	const response = await keitaroApiRequest.call(this, {
		method: 'GET',
		path: '/report/labels',
		qs: { campaign_id: campaignId, ref_name: refName, label_name: label },
	});
	// the spec's Labels object, read as value → label (docs/keitaro.md §2.11: not verified on a tracker)
	const labels = Object.entries((response.data as IDataObject) ?? {}).map(([value, name]) => ({
		campaign_id: campaignId,
		column: refName,
		value,
		label: name as string,
	}));
	return { data: labels, request: response.request };
}
