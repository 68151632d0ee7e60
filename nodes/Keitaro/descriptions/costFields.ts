import type { INodeProperties } from 'n8n-workflow';

import { timeZoneField } from './dateRange';
import { additionalFieldsCollection } from './options';

/** The click values a cost can be limited to (`FilterCostRequest`, docs/keitaro.md §4.3). */
export const COST_FILTER_KEYS = [
	'ad_campaign_id',
	'creative_id',
	'external_id',
	'keyword',
	'source',
	...Array.from({ length: 15 }, (_, n) => `sub_id_${n + 1}`),
];

/**
 * One cost entry of Keitaro's cost upload (`ClicksUpdateCostsPayload`): the period, the amount
 * spread over its clicks, and which clicks. Read by helpers/costs.ts.
 */
export const costFields: INodeProperties[] = [
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
	timeZoneField,
	{
		displayName: 'Cost',
		name: 'cost',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 4 },
		description: 'The total cost of the period, spread evenly over its clicks',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'USD',
		required: true,
		placeholder: 'USD',
		description: 'Three-letter code of the cost’s currency; Keitaro converts it',
	},
	additionalFieldsCollection(
		{
			displayName: 'Click Filters',
			name: 'clickFilters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Click Filter',
			description: 'Give the cost only to clicks with these values',
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
							options: COST_FILTER_KEYS.map((key) => ({ name: key, value: key })),
						},
						{
							displayName: 'Values',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'site-a.com, site-b.com',
							description: 'One value, or several separated by commas',
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
			description: 'Whether to give the cost only to clicks unique in their campaign',
		},
	),
];
