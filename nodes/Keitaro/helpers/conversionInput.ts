import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ConversionData } from './conversionData';
import { parseConversionData } from './conversionData';
import { invalidInput } from './errors';
import { itemParameter } from './parameters';

/** The Sub IDs field's entries (descriptions/conversionData.ts subIdsField) as `{sub_id_N: value}`. */
export function subIdValues(subIds: unknown): IDataObject {
	const entries = ((subIds as IDataObject | undefined)?.subId as IDataObject[]) ?? [];
	return Object.fromEntries(
		entries.map((entry) => [`sub_id_${entry.number as number}`, entry.value ?? '']),
	);
}

/**
 * Reads the conversion data fields (see descriptions/conversionData.ts) of one item. Both input
 * modes go through the same checks, so JSON and Fields fail the same way. Bulk changes read
 * thousands of items: the fields go through itemParameter.
 */
export function readConversionData(
	this: IExecuteFunctions,
	i: number,
	operation: 'update' | 'create',
): ConversionData {
	const mode = itemParameter.call(this, 'inputMode', i, 'json') as string;
	let raw: unknown;
	if (mode === 'json') {
		raw = this.getNodeParameter('conversionData', i);
	} else {
		const extra = itemParameter.call(this, 'additionalFields', i, {}) as IDataObject;
		const fields: IDataObject = {
			click_id: itemParameter.call(this, 'clickId', i, ''),
			status: itemParameter.call(this, 'status', i, ''),
		};
		if (operation === 'create') fields.tid = itemParameter.call(this, 'tid', i, '');
		if (extra.revenue !== undefined) fields.revenue = extra.revenue;
		if (extra.currency) fields.currency = extra.currency;
		Object.assign(fields, subIdValues(extra.subIds));
		raw = fields;
	}
	try {
		return parseConversionData(raw, mode === 'json' ? 'Conversion Data' : 'Fields', {
			allowTid: operation === 'create',
		});
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
}
