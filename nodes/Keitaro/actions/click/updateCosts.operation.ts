import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { costFields } from '../../descriptions/costFields';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import type { CostEntry } from '../../helpers/costs';
import { readCost } from '../../helpers/costs';
import { InputError } from '../../helpers/errors';
import { inInputOrder, readItems } from '../../helpers/batch';
import { keitaroApiRequest } from '../../transport';
import type { BatchOutcome, Endpoint } from '../node.type';

/** Cost entries per request: Keitaro documents no limit; this keeps one request's job small. */
export const COSTS_PER_REQUEST = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign IDs',
		name: 'campaignIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '12, 14',
		description: 'The campaigns whose clicks get the cost; several: a comma-separated list',
	},
	...costFields,
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/clicks/update_costs' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['click'], operation: ['updateCosts'] } },
	properties,
);

function readCampaignIds(value: unknown): number[] {
	const parts = String(value ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	if (!parts.length)
		throw new InputError(
			'Campaign IDs is empty',
			'Enter one campaign ID, or several separated by commas.',
		);
	const bad = parts.find((part) => !/^\d+$/.test(part) || Number(part) === 0);
	if (bad !== undefined)
		throw new InputError(
			`Campaign ID "${bad}" is not a campaign ID`,
			'Campaign IDs are whole numbers, e.g. 12, 14.',
		);
	return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

interface CostItem extends CostEntry {
	campaignIds: number[];
}

/** The request body of some cost items that share campaigns, time zone, currency and uniqueness. */
function requestBody(items: CostItem[]): IDataObject {
	const [first] = items;
	return {
		campaign_ids: first.campaignIds,
		// Keitaro's spec asks for timezone and currency in each entry and documents them at the top
		// level; trackers read either (docs/keitaro.md §4.2), so both are sent
		costs: items.map(({ start_date, end_date, cost, timezone, currency, filters }) => ({
			start_date,
			end_date,
			cost,
			timezone,
			currency,
			...(filters ? { filters } : {}),
		})),
		timezone: first.timezone,
		currency: first.currency,
		only_campaign_uniques: first.onlyUniques ? 1 : 0,
	};
}

/**
 * Uploads costs from many input items in as few requests as Keitaro allows: one
 * POST /clicks/update_costs per set of campaigns, time zone, currency and uniqueness, carrying
 * every item's period and amount. Keitaro queues the job and answers `{"success": true}`; each
 * output item says how many cost rows one request carried and is paired with those input items.
 * Bad input stops the node before anything is sent (or, with Continue On Fail, skips that item).
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const items = readItems(this, itemCount, (i) => ({
		campaignIds: readCampaignIds(this.getNodeParameter('campaignIds', i)),
		...readCost.call(this, i),
	}));
	if (items.stop) return items.refused.slice(0, 1);

	const groups = new Map<string, Array<{ index: number; value: CostItem }>>();
	for (const read of items.read) {
		const { campaignIds, timezone, currency, onlyUniques } = read.value;
		const key = JSON.stringify([campaignIds, timezone, currency, onlyUniques]);
		groups.set(key, [...(groups.get(key) ?? []), read]);
	}
	const outcomes: BatchOutcome[] = [...items.refused];
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += COSTS_PER_REQUEST) {
			const chunk = group.slice(start, start + COSTS_PER_REQUEST);
			const indices = chunk.map((read) => read.index);
			const body = requestBody(chunk.map((read) => read.value));
			try {
				const response = await keitaroApiRequest.call(this, {
					method: 'POST',
					path: '/clicks/update_costs',
					body,
				});
				const answer = response.data as IDataObject;
				outcomes.push({
					items: indices,
					result: {
						data: {
							accepted_rows: chunk.length,
							campaign_ids: body.campaign_ids,
							timezone: body.timezone,
							currency: body.currency,
							only_campaign_uniques: body.only_campaign_uniques === 1,
							costs: body.costs,
							keitaro_answer: answer,
						},
						request: response.request,
					},
				});
			} catch (error) {
				outcomes.push({ items: indices, error: error as Error });
				if (!this.continueOnFail()) return inInputOrder(outcomes);
			}
		}
	}
	return inInputOrder(outcomes);
}
