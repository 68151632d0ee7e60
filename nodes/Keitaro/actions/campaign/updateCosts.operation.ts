import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { objectLocator } from '../../descriptions/locators';
import { optionsCollection, PARAMETER_KEYS } from '../../descriptions/objectFields';
import { concurrencyOption, dataOnlyOption } from '../../descriptions/options';
import { operationError } from '../../helpers/errors';
import { readObjectId } from '../../helpers/objectInput';
import { CAMPAIGN } from '../../helpers/objects';
import { isTimeZone, keitaroDateTime } from '../../helpers/range';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	objectLocator(CAMPAIGN),
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First moment of the period whose clicks get the cost',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Last moment of the period; a date alone includes the whole day',
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'Europe/Berlin',
		description: 'IANA time zone of Start and End. Empty uses the workflow’s time zone.',
	},
	{
		displayName: 'Cost',
		name: 'cost',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 4 },
		description: 'The total cost of the period, spread over its clicks',
	},
	{
		displayName: 'Currency Name or ID',
		name: 'currency',
		type: 'options',
		default: 'USD',
		required: true,
		typeOptions: { loadOptionsMethod: 'getCurrencies' },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Click Filters',
				name: 'filters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Filter',
				description:
					'Give the cost only to clicks with these values (several values: a comma list)',
				options: [
					{
						displayName: 'Filter',
						name: 'filter',
						values: [
							{
								displayName: 'Click Value',
								name: 'key',
								type: 'options',
								default: 'source',
								options: PARAMETER_KEYS.map((key) => ({ name: key, value: key })),
							},
							{
								displayName: 'Values',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'site-a.com, site-b.com',
							},
						],
					},
				],
			},
			{
				displayName: 'Unique Clicks Only',
				name: 'onlyUniques',
				type: 'boolean',
				default: false,
				description: 'Whether to give the cost only to the campaign’s unique clicks',
			},
		],
	},
	optionsCollection(concurrencyOption, dataOnlyOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/campaigns/{id}/update_costs' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['updateCosts'] } },
	properties,
);

/**
 * Sets the cost of a campaign's clicks in a period. Keitaro only queues the job (api-notes §2.1),
 * so the answer means "scheduled", and a repeat would schedule it twice.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const node = this.getNode();
	const id = readObjectId.call(this, i, CAMPAIGN);
	const timezone = String(this.getNodeParameter('timezone', i, '') || this.getTimezone()).trim();
	if (!isTimeZone(timezone)) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			`Time Zone "${timezone}" is not a known time zone`,
			'Use an IANA name such as Europe/Berlin or UTC, or leave it empty.',
		);
	}
	const dates = (['start', 'end'] as const).map((name) => {
		const raw = String(this.getNodeParameter(name, i, '') ?? '').trim();
		const value = keitaroDateTime(raw, timezone);
		if (!value) {
			throw operationError(
				node,
				i,
				'INVALID_INPUT',
				`${name === 'start' ? 'Start' : 'End'} "${raw}" is not a date`,
				'Pick a date, or write it as 2026-03-01 or 2026-03-01 14:30.',
			);
		}
		// Keitaro wants "YYYY-MM-DD HH:MM"; a date alone covers the whole day
		if (value.length === 10) return `${value} ${name === 'start' ? '00:00' : '23:59'}`;
		return value.slice(0, 16);
	});
	const [startDate, endDate] = dates;
	if (startDate > endDate) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			`Start (${startDate}) is after End (${endDate})`,
			'Swap the two dates.',
		);
	}
	const cost = Number(this.getNodeParameter('cost', i));
	const currency = String(this.getNodeParameter('currency', i) ?? '').trim();
	if (!currency) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			'Currency is empty',
			'Choose the currency of the cost.',
		);
	}
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const filters: IDataObject = {};
	for (const row of ((extra.filters as IDataObject)?.filter as IDataObject[]) ?? [])
		filters[String(row.key)] = String(row.value ?? '').trim();
	const body: IDataObject = {
		start_date: startDate,
		end_date: endDate,
		timezone,
		cost: String(cost),
		currency,
		only_campaign_uniques: extra.onlyUniques === true,
		...(Object.keys(filters).length ? { filters } : {}),
	};
	const response = await keitaroApiRequest.call(this, {
		method: 'POST',
		path: `/campaigns/${id}/update_costs`,
		body,
		idempotent: false,
	});
	const answer = response.data as IDataObject;
	return {
		data: { campaign_id: id, scheduled: true, ...body, keitaro_answer: answer },
		request: response.request,
	};
}
