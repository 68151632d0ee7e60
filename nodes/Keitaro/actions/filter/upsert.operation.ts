import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
} from '../../descriptions/options';
import {
	filterModeField,
	filterValuesField,
	streamFilterTarget,
} from '../../descriptions/streamFields';
import { readObjectId, splitList } from '../../helpers/objectInput';
import { STREAM } from '../../helpers/objects';
import {
	changeStream,
	mergeRows,
	readFilterType,
	STREAM_CHANGE_ENDPOINTS,
} from '../../helpers/streams';
import type { OperationResult } from '../node.type';

export const description = updateDisplayOptions(
	{ show: { resource: ['filter'], operation: ['upsert'] } },
	[
		...streamFilterTarget,
		filterModeField,
		filterValuesField,
		optionsCollection(concurrencyOption, requestDetailsOption),
	],
);

export const endpoints = STREAM_CHANGE_ENDPOINTS;

/**
 * Sets one filter of a stream: adds it, or changes the stream's filter of that type. The stream's
 * other filters go along unchanged, since Keitaro replaces the whole list.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readObjectId.call(this, i, STREAM);
	const name = readFilterType.call(this, i);
	const row = {
		name,
		mode: this.getNodeParameter('mode', i) as string,
		payload: splitList(this.getNodeParameter('payload', i, '')),
	};
	const result = await changeStream.call(this, id, (stream) => ({
		filters: mergeRows('filters', stream.filters, [row]),
	}));
	const stored = ((result.data as IDataObject).filters as IDataObject[] | undefined) ?? [];
	return { data: stored.find((filter) => filter.name === name) ?? row, request: result.request };
}
