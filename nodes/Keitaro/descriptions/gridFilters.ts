import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CONVERSION_STATUSES } from '../helpers/conversionData';

/**
 * The "Filters" of Keitaro's grid queries (clicks log, conversions log, reports): a few common
 * filters by name, and Column Filters for any column with any of Keitaro's operators
 * (`FilterRequest`, docs/keitaro.md §5.3).
 */

/** Keitaro's filter operators, sorted by name; the label ones work in reports only. */
export const REPORT_FILTER_OPERATORS: INodePropertyOptions[] = [
	{ name: 'Begins With', value: 'BEGINS_WITH' },
	{ name: 'Between (Two Values)', value: 'BETWEEN' },
	{ name: 'Contains', value: 'CONTAINS' },
	{ name: 'Does Not Contain', value: 'NOT_CONTAIN' },
	{ name: 'Does Not Match Regular Expression', value: 'NOT_MATCH_REGEXP' },
	{ name: 'Ends With', value: 'ENDS_WITH' },
	{ name: 'Equals', value: 'EQUALS' },
	{ name: 'Greater Than', value: 'GREATER_THAN' },
	{ name: 'Greater Than or Equal', value: 'EQUALS_OR_GREATER_THAN' },
	{ name: 'Has Label', value: 'HAS_LABEL' },
	{ name: 'In List', value: 'IN_LIST' },
	{ name: 'Is False', value: 'IS_FALSE' },
	{ name: 'Is Not Set', value: 'IS_NOT_SET' },
	{ name: 'Is Set', value: 'IS_SET' },
	{ name: 'Is True', value: 'IS_TRUE' },
	{ name: 'Less Than', value: 'LESS_THAN' },
	{ name: 'Less Than or Equal', value: 'EQUALS_OR_LESS_THAN' },
	{ name: 'Matches Regular Expression', value: 'MATCH_REGEXP' },
	{ name: 'Not Equal', value: 'NOT_EQUAL' },
	{ name: 'Not Has Label', value: 'NOT_HAS_LABEL' },
	{ name: 'Not In List', value: 'NOT_IN_LIST' },
];

export const LOG_FILTER_OPERATORS = REPORT_FILTER_OPERATORS.filter(
	(o) => !String(o.value).endsWith('HAS_LABEL'),
);

/** A filter offered by name, and the Keitaro column it filters. */
export interface NamedFilter {
	field: INodeProperties;
	column: string;
}

/** The named filters; each grid operation offers those its endpoint has. */
export const NAMED_FILTERS = {
	status: {
		column: 'status',
		field: {
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			default: [],
			options: CONVERSION_STATUSES.map((s) => ({
				name: s[0].toUpperCase() + s.slice(1),
				value: s,
			})),
		},
	},
	campaignId: {
		column: 'campaign_id',
		field: { displayName: 'Campaign ID', name: 'campaignId', type: 'number', default: 0 },
	},
	offerId: {
		column: 'offer_id',
		field: { displayName: 'Offer ID', name: 'offerId', type: 'number', default: 0 },
	},
	clickId: {
		column: 'sub_id',
		field: {
			displayName: 'Click ID',
			name: 'clickId',
			type: 'string',
			default: '',
			description: 'The click’s Keitaro subid; several: a comma-separated list',
		},
	},
	tid: {
		column: 'tid',
		field: { displayName: 'Transaction ID', name: 'tid', type: 'string', default: '' },
	},
	countryCode: {
		column: 'country_code',
		field: {
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			placeholder: 'DE',
		},
	},
	source: {
		column: 'source',
		field: { displayName: 'Source', name: 'source', type: 'string', default: '' },
	},
} satisfies Record<string, NamedFilter>;

export type NamedFilterName = keyof typeof NAMED_FILTERS;

/** Column Filters: any column, any operator. */
function columnFiltersField(
	columns: INodePropertyOptions[],
	operators: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Column Filters',
		name: 'columnFilters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Column Filter',
		default: {},
		description: 'Filters on any column, with any of Keitaro’s operators',
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Column',
						name: 'column',
						type: 'options',
						default: '',
						options: columns,
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'EQUALS',
						options: operators,
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'In List, Not In List: a comma-separated list. Between: two values, e.g. 10,20. Has Label: whitelist or blacklist. Is Set, Is True…: leave empty.',
					},
				],
			},
		],
	};
}

/** The Filters collection: the named filters given, then Column Filters over `columns`. */
export function gridFiltersField(
	named: NamedFilterName[],
	columns: INodePropertyOptions[],
	operators = LOG_FILTER_OPERATORS,
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...named.map((name) => NAMED_FILTERS[name].field),
			columnFiltersField(columns, operators),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
