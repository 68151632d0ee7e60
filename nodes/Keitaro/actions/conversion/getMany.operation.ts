import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	conversionColumnOptions,
	DEFAULT_CONVERSION_COLUMNS,
} from '../../descriptions/conversionColumns';
import { dateRangeFields } from '../../descriptions/dateRange';
import { dataOnlyOption, timeoutOption } from '../../descriptions/options';
import { limitField, returnAllField } from '../../descriptions/pagination';
import { CONVERSION_STATUSES } from '../../helpers/conversionData';
import type { KeitaroFilter } from '../../helpers/conversions';
import { normaliseRow } from '../../helpers/conversions';
import { operationError } from '../../helpers/errors';
import { buildRange } from '../../helpers/range';
import { keitaroApiRequestAllItems } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	...dateRangeFields,
	returnAllField,
	limitField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Campaign ID', name: 'campaignId', type: 'number', default: 0 },
			{
				displayName: 'Click ID',
				name: 'clickId',
				type: 'string',
				default: '',
				description: 'The click’s Keitaro subid',
			},
			{
				displayName: 'Country Code',
				name: 'countryCode',
				type: 'string',
				default: '',
				placeholder: 'DE',
			},
			{ displayName: 'Offer ID', name: 'offerId', type: 'number', default: 0 },
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				options: CONVERSION_STATUSES.map((s) => ({
					name: s[0].toUpperCase() + s.slice(1),
					value: s,
				})),
			},
			{ displayName: 'Transaction ID', name: 'tid', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'multiOptions',
		default: [...DEFAULT_CONVERSION_COLUMNS],
		options: conversionColumnOptions,
		description: 'Which columns each conversion has',
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		default: 'postback_datetime',
		options: conversionColumnOptions,
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		default: 'DESC',
		options: [
			{ name: 'Ascending', value: 'ASC' },
			{ name: 'Descending', value: 'DESC' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [dataOnlyOption, timeoutOption],
	},
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/conversions/log' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['getMany'] } },
	properties,
);

function conversionFilters(filters: IDataObject): KeitaroFilter[] {
	const out: KeitaroFilter[] = [];
	const statuses = (filters.status as string[] | undefined) ?? [];
	if (statuses.length) out.push({ name: 'status', operator: 'IN_LIST', expression: statuses });
	if (Number(filters.campaignId) > 0)
		out.push({ name: 'campaign_id', operator: 'EQUALS', expression: Number(filters.campaignId) });
	if (Number(filters.offerId) > 0)
		out.push({ name: 'offer_id', operator: 'EQUALS', expression: Number(filters.offerId) });
	for (const [field, column] of [
		['clickId', 'sub_id'],
		['tid', 'tid'],
		['countryCode', 'country_code'],
	] as const) {
		const value = String(filters[field] ?? '').trim();
		if (value)
			out.push({
				name: column,
				operator: 'EQUALS',
				expression: field === 'countryCode' ? value.toUpperCase() : value,
			});
	}
	return out;
}

/** Reads POST /conversions/log, all pages when Return All is on. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const range = buildRange.call(this, i);
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const columns = this.getNodeParameter('columns', i) as string[];
	if (!columns.length) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			'No columns chosen',
			'Pick at least one column, e.g. Conversion ID and Status.',
		);
	}
	const sortBy = this.getNodeParameter('sortBy', i) as string;
	// Keitaro ignores a sort on a column that is not selected
	const selected = columns.includes(sortBy) ? columns : [...columns, sortBy];
	const response = await keitaroApiRequestAllItems.call(
		this,
		{
			method: 'POST',
			path: '/conversions/log',
			idempotent: true,
			body: {
				range,
				columns: selected,
				filters: conversionFilters(this.getNodeParameter('filters', i, {}) as IDataObject),
				sort: [{ name: sortBy, order: this.getNodeParameter('sortOrder', i) as string }],
			},
		},
		limit,
	);
	return { data: response.data.map(normaliseRow), request: response.request };
}
