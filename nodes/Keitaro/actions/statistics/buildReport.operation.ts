import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { columnOptions, REPORT_DIMENSIONS, REPORT_MEASURES } from '../../descriptions/columns';
import { dateRangeFields } from '../../descriptions/dateRange';
import { gridFiltersField, REPORT_FILTER_OPERATORS } from '../../descriptions/gridFilters';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { limitField, returnAllField, sortOrderField } from '../../descriptions/pagination';
import { normaliseRow } from '../../helpers/conversions';
import { invalidInput, operationError } from '../../helpers/errors';
import { readGridFilters } from '../../helpers/gridFilters';
import { buildRange } from '../../helpers/range';
import { readLimit } from '../../helpers/pagination';
import { keitaroApiRequest, keitaroApiRequestAllItems } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const dimensionOptions = columnOptions(REPORT_DIMENSIONS);
const measureOptions = columnOptions(REPORT_MEASURES);
const allOptions = columnOptions([...REPORT_DIMENSIONS, ...REPORT_MEASURES]);
const NAMED_FILTERS = ['campaignId', 'offerId', 'countryCode', 'source'] as const;

const properties: INodeProperties[] = [
	...dateRangeFields,
	{
		displayName: 'Dimensions',
		name: 'dimensions',
		type: 'multiOptions',
		default: ['campaign'],
		options: dimensionOptions,
		description: 'What each row is: the values the report groups by (none: one row of totals)',
	},
	{
		displayName: 'Measures',
		name: 'measures',
		type: 'multiOptions',
		default: ['clicks', 'conversions', 'sales', 'revenue', 'cost', 'profit', 'roi'],
		options: measureOptions,
		description: 'What each row counts and sums',
	},
	returnAllField,
	limitField,
	gridFiltersField([...NAMED_FILTERS], allOptions, REPORT_FILTER_OPERATORS),
	optionsCollection(
		{
			displayName: 'Add Summary Row',
			name: 'summary',
			type: 'boolean',
			default: false,
			description:
				'Whether to end with a row of the measures over the whole report, marked "is_summary": true',
		},
		requestDetailsOption,
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			default: 'clicks',
			options: allOptions,
			description: 'A dimension or measure of the report',
		},
		sortOrderField,
		timeoutOption,
	),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/report/build' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['statistics'], operation: ['buildReport'] } },
	properties,
);

/**
 * Builds a report (POST /report/build): one row per combination of the dimensions, with the
 * measures as numbers. Keitaro leaves out combinations without clicks.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const node = this.getNode();
	const dimensions = this.getNodeParameter('dimensions', i, []) as string[];
	const measures = this.getNodeParameter('measures', i, []) as string[];
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (!measures.length) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			'No measures chosen',
			'Pick at least one measure, e.g. Clicks or Revenue.',
		);
	}
	const sortBy = options.sortBy as string | undefined;
	if (sortBy && !dimensions.includes(sortBy) && !measures.includes(sortBy)) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			`Sort By "${sortBy}" is not in the report`,
			'Keitaro sorts by a dimension or measure the report has: add it to Dimensions or Measures, or sort by another.',
		);
	}
	const range = buildRange.call(this, i);
	const limit = readLimit.call(this, i);
	let filters;
	try {
		filters = readGridFilters(this.getNodeParameter('filters', i, {}) as IDataObject, [
			...NAMED_FILTERS,
		]);
	} catch (error) {
		throw invalidInput(node, i, error as Error);
	}
	const body: IDataObject = {
		range,
		// Keitaro renamed grouping/metrics to dimensions/measures: v9 and the 2022 spec read the old
		// names, recent trackers the new ones (docs/keitaro.md §5.1). Each ignores the pair it does not
		// know, so sending both works on every build without asking users which one they run.
		dimensions,
		measures,
		grouping: dimensions,
		metrics: measures,
		filters,
		...(sortBy ? { sort: [{ name: sortBy, order: String(options.sortOrder ?? 'DESC') }] } : {}),
	};
	const response = await keitaroApiRequestAllItems.call(
		this,
		{ method: 'POST', path: '/report/build', idempotent: true, body },
		limit,
	);
	const rows = response.data.map(normaliseRow);
	if (options.summary === true) {
		// the summary covers every row, whatever the page: one small request asks for it alone
		const answer = await keitaroApiRequest.call(this, {
			method: 'POST',
			path: '/report/build',
			idempotent: true,
			body: { ...body, summary: true, limit: 1, offset: 0 },
		});
		const summary = (answer.data as IDataObject).summary as IDataObject | undefined;
		rows.push({ ...normaliseRow(summary ?? {}), is_summary: true });
	}
	return { data: rows, request: response.request };
}
