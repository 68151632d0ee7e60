import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
} from '../../descriptions/options';
import { streamFilterTarget } from '../../descriptions/streamFields';
import { operationError } from '../../helpers/errors';
import { readObjectId } from '../../helpers/objectInput';
import { STREAM } from '../../helpers/objects';
import {
	changeStream,
	mergeRows,
	readFilterType,
	STREAM_CHANGE_ENDPOINTS,
} from '../../helpers/streams';
import type { OperationResult } from '../node.type';

export const description = updateDisplayOptions(
	{ show: { resource: ['filter'], operation: ['delete'] } },
	[...streamFilterTarget, optionsCollection(concurrencyOption, requestDetailsOption)],
);

export const endpoints = STREAM_CHANGE_ENDPOINTS;

/** Takes one filter off a stream and sends the rest back. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readObjectId.call(this, i, STREAM);
	const name = readFilterType.call(this, i);
	const result = await changeStream.call(this, id, (stream) => {
		const filters = (stream.filters as IDataObject[] | undefined) ?? [];
		if (!filters.some((filter) => filter.name === name)) {
			throw operationError(
				this.getNode(),
				i,
				'NOT_FOUND',
				`Stream ${id} has no "${name}" filter`,
				`Its filters: ${filters.map((filter) => String(filter.name)).join(', ') || 'none'}.`,
			);
		}
		return { filters: mergeRows('filters', filters, [{ name, remove: true }]) };
	});
	return { data: { stream_id: id, name, deleted: true }, request: result.request };
}
