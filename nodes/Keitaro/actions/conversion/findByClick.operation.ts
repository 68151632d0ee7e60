import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { columnOptions } from '../../descriptions/columns';
import { clickIdField } from '../../descriptions/conversionData';
import {
	CONVERSION_LOG_COLUMNS,
	DEFAULT_CONVERSION_COLUMNS,
} from '../../descriptions/conversionColumns';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { conversionRow, normaliseRow } from '../../helpers/conversions';
import { InputError } from '../../helpers/errors';
import { LOOKUP_BATCH_SIZE } from '../../helpers/lookups';
import { inInputOrder, readItems } from '../../helpers/batch';
import { keitaroApiRequestAllItems } from '../../transport';
import type { BatchOutcome, Endpoint } from '../node.type';

const properties: INodeProperties[] = [
	clickIdField,
	{
		displayName: 'Transaction ID',
		name: 'tid',
		type: 'string',
		default: '',
		description: 'Only the conversion with this tid; empty: every conversion of the click',
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'multiOptions',
		default: [...DEFAULT_CONVERSION_COLUMNS],
		options: columnOptions(CONVERSION_LOG_COLUMNS),
		description: 'Which columns each conversion has',
	},
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/conversions/log' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['findByClick'] } },
	properties,
);

interface Search {
	clickId: string;
	tid: string;
	columns: string[];
}

/**
 * Every conversion of each item's click, newest first, over all time. The items are looked up
 * together: one conversions-log request (sub_id in a list) answers for up to LOOKUP_BATCH_SIZE
 * clicks, so 10,000 clicks cost about 20 requests.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const items = readItems(this, itemCount, (i): Search => {
		const clickId = String(this.getNodeParameter('clickId', i, '') ?? '').trim();
		if (!clickId) throw new InputError('Click ID is empty', 'Enter the click’s Keitaro subid.');
		const columns = this.getNodeParameter('columns', i, []) as string[];
		if (!columns.length)
			throw new InputError(
				'No columns chosen',
				'Pick at least one column, e.g. Conversion ID and Status.',
			);
		return { clickId, tid: String(this.getNodeParameter('tid', i, '') ?? '').trim(), columns };
	});
	if (items.stop) return items.refused.slice(0, 1);

	const outcomes: BatchOutcome[] = [...items.refused];
	const columns = [
		...new Set([
			'sub_id',
			'tid',
			'postback_datetime',
			...items.read.flatMap((r) => r.value.columns),
		]),
	];
	for (let start = 0; start < items.read.length; start += LOOKUP_BATCH_SIZE) {
		const chunk = items.read.slice(start, start + LOOKUP_BATCH_SIZE);
		let rows: IDataObject[];
		let request;
		try {
			const response = await keitaroApiRequestAllItems.call(this, {
				method: 'POST',
				path: '/conversions/log',
				idempotent: true,
				body: {
					range: { interval: 'all_time', timezone: 'UTC' },
					columns,
					filters: [
						{
							name: 'sub_id',
							operator: 'IN_LIST',
							expression: [...new Set(chunk.map((r) => r.value.clickId))],
						},
					],
					sort: [{ name: 'postback_datetime', order: 'DESC' }],
				},
			});
			rows = response.data.map(normaliseRow);
			request = response.request;
		} catch (error) {
			for (const { index } of chunk) outcomes.push({ items: [index], error: error as Error });
			if (!this.continueOnFail()) return inInputOrder(outcomes);
			continue;
		}
		for (const { index, value } of chunk) {
			const found = rows
				.filter((row) => String(row.sub_id) === value.clickId)
				.filter((row) => !value.tid || String(row.tid ?? '') === value.tid)
				.map((row) =>
					conversionRow(Object.fromEntries(value.columns.map((column) => [column, row[column]]))),
				);
			outcomes.push({ items: [index], result: { data: found, request } });
		}
	}
	return inInputOrder(outcomes);
}
