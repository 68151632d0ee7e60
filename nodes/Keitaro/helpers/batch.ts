import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BatchOutcome } from '../actions/node.type';
import { invalidInput } from './errors';
import type { ConversionRequest } from './requests/record';

export interface Read<T> {
	index: number;
	value: T;
}

export interface ReadItems<T> {
	read: Array<Read<T>>;
	refused: BatchOutcome[];
	/** true when an item was refused and the node does not continue on fail */
	stop: boolean;
}

/**
 * Reads every item with `read`; an item it refuses becomes an error outcome. Without Continue On
 * Fail the batch then stops before any request, so a bad item never leaves others half done.
 */
export function readItems<T>(
	context: IExecuteFunctions,
	itemCount: number,
	read: (i: number) => T,
): ReadItems<T> {
	const ok: Array<Read<T>> = [];
	const refused: BatchOutcome[] = [];
	for (let i = 0; i < itemCount; i++) {
		try {
			ok.push({ index: i, value: read(i) });
		} catch (error) {
			refused.push({ items: [i], error: invalidInput(context.getNode(), i, error as Error) });
		}
	}
	return { read: ok, refused, stop: refused.length > 0 && !context.continueOnFail() };
}

/** An outcome carrying a request record for input item `index`. */
export function recordOutcome(
	index: number,
	record: ConversionRequest | IDataObject,
	output = 0,
): BatchOutcome {
	return {
		items: [index],
		result: { data: record as unknown as IDataObject, request: null },
		output,
	};
}

/** Outcomes in input order, whatever order they were produced in. */
export function inInputOrder(outcomes: BatchOutcome[]): BatchOutcome[] {
	return [...outcomes].sort((a, b) => a.items[0] - b.items[0]);
}
