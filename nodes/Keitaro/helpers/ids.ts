import type { IExecuteFunctions } from 'n8n-workflow';

import { operationError } from './errors';

/** A Keitaro ID field of item `i` (campaign, user…): a whole number above 0, or a clear error. */
export function readId(this: IExecuteFunctions, i: number, field: string, label: string): number {
	const raw = String(this.getNodeParameter(field, i, '') ?? '').trim();
	if (/^\d+$/.test(raw) && Number(raw) > 0) return Number(raw);
	throw operationError(
		this.getNode(),
		i,
		'INVALID_INPUT',
		raw && raw !== '0' ? `${label} "${raw}" is not an ID` : `${label} is empty`,
		`Enter the ${label} as Keitaro shows it: a whole number such as 12.`,
	);
}
