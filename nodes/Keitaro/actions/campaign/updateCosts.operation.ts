import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { costFields } from '../../descriptions/costFields';
import { objectLocator } from '../../descriptions/locators';
import {
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
} from '../../descriptions/options';
import type { CostEntry } from '../../helpers/costs';
import { readCost } from '../../helpers/costs';
import { invalidInput } from '../../helpers/errors';
import { readObjectId } from '../../helpers/objectInput';
import { CAMPAIGN } from '../../helpers/objects';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	objectLocator(CAMPAIGN),
	...costFields,
	optionsCollection(concurrencyOption, requestDetailsOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/campaigns/{id}/update_costs' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['updateCosts'] } },
	properties,
);

/**
 * Sets the cost of a campaign's clicks in a period (the same cost fields as Click → Update Costs).
 * Keitaro only queues the job (docs/keitaro.md §2.1), so the answer means "scheduled", and a repeat
 * would schedule it twice.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readObjectId.call(this, i, CAMPAIGN);
	let entry: CostEntry;
	try {
		entry = readCost.call(this, i);
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
	const body: IDataObject = {
		start_date: entry.start_date,
		end_date: entry.end_date,
		timezone: entry.timezone,
		cost: entry.cost,
		currency: entry.currency,
		only_campaign_uniques: entry.onlyUniques,
		...(entry.filters ? { filters: entry.filters } : {}),
	};
	const response = await keitaroApiRequest.call(this, {
		method: 'POST',
		path: `/campaigns/${id}/update_costs`,
		body,
		idempotent: false,
	});
	return {
		data: {
			campaign_id: id,
			scheduled: true,
			...body,
			keitaro_answer: response.data as IDataObject,
		},
		request: response.request,
	};
}
