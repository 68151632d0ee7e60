import type { IDataObject } from 'n8n-workflow';

import { NUMERIC_COLUMNS } from '../descriptions/columns';
import type { ApiResponse, KeitaroContext } from '../transport';
import { keitaroApiRequest } from '../transport';
import type { ConversionStatus } from './conversionData';
import { groupPostbackLog } from './postbackLog';

/** Status changes Keitaro documents for postbacks (docs/keitaro.md §3.3). */
const DOCUMENTED_TRANSITIONS: Record<string, string[]> = {
	lead: ['sale', 'rejected'],
	sale: ['rejected'],
	rebill: ['rejected'],
};

export function isDocumentedTransition(from: string, to: string): boolean {
	return from === to || (DOCUMENTED_TRANSITIONS[from] ?? []).includes(to);
}

export const DOCUMENTED_TRANSITIONS_TEXT =
	'lead → sale, lead → rejected, sale → rejected, rebill → rejected';

/** Columns the conversion operations read to find, compare and report a conversion. */
export const CONVERSION_LOOKUP_COLUMNS = [
	'conversion_id',
	'sub_id',
	'tid',
	'status',
	'previous_status',
	'original_status',
	'revenue',
	'postback_datetime',
	'campaign_id',
	'offer_id',
];

/**
 * Keitaro sends ids and money as strings on some builds; the node outputs numbers. Changes the
 * row in place: it is one just parsed from Keitaro's answer.
 */
export function normaliseRow(row: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(row)) {
		if (!NUMERIC_COLUMNS.has(key) || typeof value !== 'string' || value.trim() === '') continue;
		const n = Number(value);
		if (Number.isFinite(n)) row[key] = n;
	}
	return row;
}

/**
 * A conversions-log row as the node outputs it: normalised, and with `click_id` beside Keitaro's
 * `sub_id` (the click's subid), the name the node's inputs and change results give it, so a
 * conversion read here (or by the trigger) maps onto Update and Create without renaming.
 */
export function conversionRow(row: IDataObject): IDataObject {
	normaliseRow(row);
	if (row.sub_id !== undefined) row.click_id = row.sub_id;
	return row;
}

export interface KeitaroFilter extends IDataObject {
	name: string;
	operator: string;
	expression: string | number | string[];
}

export function equals(name: string, value: string | number): KeitaroFilter {
	return { name, operator: 'EQUALS', expression: value };
}

/** Conversions matching the filters, newest first, from POST /conversions/log over all time. */
export async function findConversions(
	this: KeitaroContext,
	filters: KeitaroFilter[],
	limit = 2,
): Promise<ApiResponse<IDataObject[]>> {
	const response = (await keitaroApiRequest.call(this, {
		method: 'POST',
		path: '/conversions/log',
		idempotent: true,
		body: {
			range: { interval: 'all_time' },
			columns: CONVERSION_LOOKUP_COLUMNS,
			filters,
			sort: [{ name: 'postback_datetime', order: 'DESC' }],
			limit,
		},
	})) as ApiResponse<{ rows?: IDataObject[] }>;
	return { data: (response.data.rows ?? []).map(conversionRow), request: response.request };
}

/** Keitaro's received-postback log lines about a click: why a postback was ignored shows here. */
const RECENT_POSTBACK_LOG_LINES = 500;

export async function postbackLogFor(this: KeitaroContext, subId: string): Promise<string[]> {
	try {
		// Keitaro's verdict lines ("…Postback ignored.") do not name the click, so read the recent
		// log and keep the postbacks (grouped by job) that were about this click
		const { data } = (await keitaroApiRequest.call(this, {
			method: 'GET',
			path: '/logs/postbacks',
			qs: { limit: RECENT_POSTBACK_LOG_LINES },
		})) as ApiResponse<IDataObject[]>;
		return groupPostbackLog(Array.isArray(data) ? data : [])
			.filter((postback) => postback.click_id === subId)
			.slice(0, 3)
			.flatMap((postback) => postback.lines.map((line) => `${postback.received_at} ${line}`));
	} catch {
		// only an explanation for another error; a failure to read the log must not hide that error
		return [];
	}
}

/** A money value as the node outputs it: a number with two decimals. */
export function money(value: unknown): number {
	return Math.round(Number(value) * 100) / 100;
}

export function sameMoney(a: unknown, b: unknown): boolean {
	return Math.abs(Number(a) - Number(b)) < 0.005;
}

export type { ConversionStatus };
