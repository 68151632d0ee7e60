import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Column } from '../descriptions/columns';
import { columnOptions } from '../descriptions/columns';
import { dateRangeFields } from '../descriptions/dateRange';
import type { NamedFilterName } from '../descriptions/gridFilters';
import { gridFiltersField } from '../descriptions/gridFilters';
import {
	requestDetailsOption,
	optionsCollection,
	outputOption,
	rowsPerFileOption,
	timeoutOption,
} from '../descriptions/options';
import { limitField, returnAllField, sortOrderField } from '../descriptions/pagination';
import { invalidInput, operationError } from '../helpers/errors';
import type { FileFormat } from '../helpers/files';
import { pagesAsFiles } from '../helpers/files';
import { readGridFilters } from '../helpers/gridFilters';
import { buildRange } from '../helpers/range';
import { optionNumber } from '../helpers/options';
import { readLimit } from '../helpers/pagination';
import type { ApiRequest } from '../transport';
import { keitaroApiPages, keitaroApiRequestAllItems } from '../transport';
import type { ItemOperation } from './node.type';

/** A log Keitaro answers as a grid query: rows of the chosen columns, filtered, sorted, paged. */
export interface GridLog {
	resource: string;
	operation: string;
	path: '/clicks/log' | '/conversions/log';
	/** what one row is, for messages ("conversion", "click") */
	rowName: string;
	columns: Column[];
	defaultColumns: string[];
	defaultSort: string;
	filters: NamedFilterName[];
	/** how a row is put out (numbers as numbers; conversions also get `click_id`) */
	normalise: (row: IDataObject) => IDataObject;
}

/** The Output option of item `i`: rows as items, or a file per page. */
function readOutput(this: IExecuteFunctions, i: number): 'items' | FileFormat {
	const output = (this.getNodeParameter('options', i, {}) as IDataObject).output ?? 'items';
	const values = outputOption.options!.map((o) => (o as { value: string }).value);
	if (!values.includes(output as string)) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			`Output is ${JSON.stringify(output)}`,
			`Choose one of: ${values.join(', ')}.`,
		);
	}
	return output as 'items' | FileFormat;
}

/**
 * An operation that reads a Keitaro log (POST /clicks/log, /conversions/log): date range, filters,
 * columns, sort, and every page with Return All.
 */
export function gridLogOperation(log: GridLog): ItemOperation {
	const options = columnOptions(log.columns);
	const { defaultSort } = log;
	const properties: INodeProperties[] = [
		...dateRangeFields,
		returnAllField,
		limitField,
		gridFiltersField(log.filters, options),
		{
			displayName: 'Columns',
			name: 'columns',
			type: 'multiOptions',
			default: [...log.defaultColumns],
			options,
			description: `Which columns each ${log.rowName} has`,
		},
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			default: defaultSort,
			options,
		},
		sortOrderField,
		optionsCollection(requestDetailsOption, outputOption, rowsPerFileOption, timeoutOption),
	];

	return {
		description: updateDisplayOptions(
			{ show: { resource: [log.resource], operation: [log.operation] } },
			properties,
		),
		endpoints: [{ method: 'POST', path: log.path }],
		async execute(this: IExecuteFunctions, i: number) {
			const range = buildRange.call(this, i);
			const limit = readLimit.call(this, i);
			const columns = this.getNodeParameter('columns', i) as string[];
			if (!columns.length) {
				throw operationError(
					this.getNode(),
					i,
					'INVALID_INPUT',
					'No columns chosen',
					`Pick at least one column for each ${log.rowName}.`,
				);
			}
			let filters;
			try {
				filters = readGridFilters(
					this.getNodeParameter('filters', i, {}) as IDataObject,
					log.filters,
				);
			} catch (error) {
				throw invalidInput(this.getNode(), i, error as Error);
			}
			const sortBy = this.getNodeParameter('sortBy', i) as string;
			// Keitaro ignores a sort on a column that is not selected
			const selected = columns.includes(sortBy) ? columns : [...columns, sortBy];
			const output = readOutput.call(this, i);
			const request: ApiRequest = {
				method: 'POST',
				path: log.path,
				idempotent: true,
				body: {
					range,
					columns: selected,
					filters,
					sort: [{ name: sortBy, order: this.getNodeParameter('sortOrder', i) as string }],
				},
			};
			if (output !== 'items') {
				const rowsPerFile = optionNumber.call(this, i, rowsPerFileOption);
				return await pagesAsFiles.call(
					this,
					keitaroApiPages.call(this, request, limit, rowsPerFile),
					{
						format: output,
						name: `${log.rowName}s`,
						columns: selected,
						normalise: log.normalise,
					},
				);
			}
			const response = await keitaroApiRequestAllItems.call(this, request, limit);
			return { data: response.data.map(log.normalise), request: response.request };
		},
	};
}
