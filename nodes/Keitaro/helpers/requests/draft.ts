import type { IDataObject } from 'n8n-workflow';

import type { ConversionStatus } from '../conversionData';
import { isSubIdKey, parseRevenue, parseStatus, SUB_ID_COUNT } from '../conversionData';
import { InputError } from '../errors';

/** What someone asks for, before it is checked against Keitaro and becomes a request record. */
export interface RequestDraft {
	/** 'auto': change when Keitaro has the conversion, create when not */
	type: 'create' | 'change' | 'auto';
	click_id: string;
	tid: string;
	conversion_id: number | null;
	target_status: ConversionStatus;
	revenue: number | null;
	currency: string;
	sub_ids: Record<string, string>;
	reason: string;
	requested_by: string;
	idempotency_key: string;
}

const text = (value: unknown) =>
	value === undefined || value === null
		? ''
		: typeof value === 'object'
			? JSON.stringify(value)
			: String(value).trim();

/** The first column that has a value, of those that may carry a field (Keitaro's name first). */
function column(row: IDataObject, names: string[]): string {
	for (const name of names) {
		const value = text(row[name]);
		if (value !== '') return value;
	}
	return '';
}

/** The columns Import reads: Keitaro's import columns and the request's own fields. */
export const KNOWN_COLUMNS = new Set([
	'subid',
	'click_id',
	'sub_id',
	'payout',
	'revenue',
	'tid',
	'transaction_id',
	'status',
	'currency',
	'reason',
	'requested_by',
	'type',
	'conversion_id',
	'idempotency_key',
]);

/** The type column's words (a Map: a plain object would also answer to "constructor"). */
const TYPES = new Map<string, RequestDraft['type']>([
	['create', 'create'],
	['new', 'create'],
	['change', 'change'],
	['existing', 'change'],
	['auto', 'auto'],
]);

/** Columns Import adds to a refused row; a corrected row sent back may still carry them. */
export const REFUSAL_COLUMNS = [
	'row_number',
	'request_id',
	'request_status',
	'reason_code',
	'reason_message',
];

/**
 * One row of a reconciliation file (Keitaro's import columns `subid,payout,tid,status`, plus
 * currency, sub_id_1…30, reason, requested_by, type, conversion_id, idempotency_key) as a draft.
 * Throws InputError naming the column and the problem.
 */
export function draftFromRow(
	row: IDataObject,
	defaults: { requestedBy: string; type: RequestDraft['type'] },
): RequestDraft {
	const clickId = column(row, ['subid', 'click_id', 'sub_id']);
	if (!clickId)
		throw new InputError(
			'The row has no subid',
			'Every row needs the click’s subid in a "subid" column (Keitaro’s import format: subid,payout,tid,status).',
		);
	const status = column(row, ['status']);
	if (!status)
		throw new InputError(
			`Row for ${clickId} has no status`,
			'Add a "status" column: lead, sale, rejected or rebill.',
		);
	const revenueText = column(row, ['payout', 'revenue']);
	const typeText = (column(row, ['type']) || defaults.type).toLowerCase();
	const type = TYPES.get(typeText);
	if (!type)
		throw new InputError(
			`Row for ${clickId}: type "${typeText}" is unknown`,
			'Use create (a missing conversion), change (an existing one) or leave it empty.',
		);
	const conversionIdText = column(row, ['conversion_id']);
	if (
		conversionIdText &&
		!(/^\d+$/.test(conversionIdText) && Number.isSafeInteger(Number(conversionIdText)))
	) {
		throw new InputError(
			`Row for ${clickId}: conversion_id "${conversionIdText}" is not a number`,
			'Use Keitaro’s conversion ID or leave the column empty.',
		);
	}
	const currency = column(row, ['currency']).toUpperCase();
	if (currency && !/^[A-Z]{3}$/.test(currency)) {
		throw new InputError(
			`Row for ${clickId}: currency "${currency}" is not a currency code`,
			'Use a three-letter code such as USD.',
		);
	}
	const subIds: Record<string, string> = {};
	for (const [key, value] of Object.entries(row)) {
		if (!/^sub_id_\d+$/.test(key) || text(value) === '') continue;
		if (!isSubIdKey(key)) {
			throw new InputError(
				`Row for ${clickId} has a column "${key}"`,
				`Keitaro has sub_id_1 … sub_id_${SUB_ID_COUNT}.`,
			);
		}
		subIds[key] = text(value);
	}
	const unknown = Object.keys(row).filter(
		(key) => !KNOWN_COLUMNS.has(key) && !REFUSAL_COLUMNS.includes(key) && !/^sub_id_\d+$/.test(key),
	);
	if (unknown.length) {
		throw new InputError(
			`Row for ${clickId} has unknown columns: ${unknown.join(', ')}`,
			`Known columns: ${[...KNOWN_COLUMNS].join(', ')}, sub_id_1 … sub_id_${SUB_ID_COUNT}. Remove or rename the others so nothing is silently ignored.`,
		);
	}
	const requestedBy = column(row, ['requested_by']) || defaults.requestedBy.trim();
	if (!requestedBy)
		throw new InputError(
			`Row for ${clickId} has no requested_by`,
			'Say who asks: a requested_by column, or the Requested By field.',
		);
	return {
		type,
		click_id: clickId,
		tid: column(row, ['tid', 'transaction_id']),
		conversion_id: conversionIdText ? Number(conversionIdText) : null,
		target_status: parseStatus(status, `Row for ${clickId}`),
		revenue: revenueText ? parseRevenue(revenueText, `Row for ${clickId}`) : null,
		currency,
		sub_ids: subIds,
		reason: column(row, ['reason']),
		requested_by: requestedBy,
		idempotency_key: column(row, ['idempotency_key']),
	};
}
