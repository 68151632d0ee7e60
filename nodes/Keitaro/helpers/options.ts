import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationError } from './errors';

/**
 * A number from the Options collection of item `i`: the option's default when unset, else a number
 * within the option's own bounds. An expression can hand in anything, and "abc" or NaN seconds
 * would make a wait endless while 10⁹ seconds overflows Node's timers into no wait at all, so such
 * a value stops the node before any request.
 */
export function optionNumber(this: IExecuteFunctions, i: number, option: INodeProperties): number {
	const raw = (this.getNodeParameter('options', i, {}) as IDataObject)[option.name];
	if (raw === undefined) return option.default as number;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const min = Number(option.typeOptions?.minValue ?? -Infinity);
	const max = Number(option.typeOptions?.maxValue ?? Infinity);
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			`${option.displayName} is ${typeof raw === 'number' ? String(raw) : JSON.stringify(raw)}, not a number from ${min} to ${max}`,
			`Give a number from ${min} to ${max}, or remove the option to use the default (${String(option.default)}).`,
		);
	}
	return value;
}
