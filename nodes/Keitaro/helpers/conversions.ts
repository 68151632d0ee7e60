import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { ApiResponse, KeitaroContext } from '../transport';
import { keitaroApiRequest } from '../transport';
import type { ConversionStatus } from './conversionData';

/** Status changes Keitaro documents for postbacks (api-notes §3.3). */
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

/** Keitaro sends ids and money as strings on some builds; the node outputs numbers. */
const NUMERIC_COLUMNS = new Set([
	'conversion_id',
	'click_id',
	'campaign_id',
	'offer_id',
	'stream_id',
	'landing_id',
	'ts_id',
	'affiliate_network_id',
	'revenue',
	'cost',
	'profit',
	'profitability',
	'sale_period',
]);

export function normaliseRow(row: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(row)) {
		const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
		out[key] = NUMERIC_COLUMNS.has(key) && Number.isFinite(n) ? n : value;
	}
	return out;
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
	return { data: (response.data.rows ?? []).map(normaliseRow), request: response.request };
}

/** The click with this subid, if Keitaro has it (POST /clicks/log). */
export async function findClick(
	this: KeitaroContext,
	subId: string,
): Promise<ApiResponse<IDataObject | undefined>> {
	const response = (await keitaroApiRequest.call(this, {
		method: 'POST',
		path: '/clicks/log',
		idempotent: true,
		body: {
			range: { interval: 'all_time' },
			columns: ['sub_id', 'datetime', 'campaign_id', 'offer_id'],
			filters: [equals('sub_id', subId)],
			limit: 1,
		},
	})) as ApiResponse<{ rows?: IDataObject[] }>;
	const row = response.data.rows?.[0];
	return { data: row ? normaliseRow(row) : undefined, request: response.request };
}

/** Whether the click's offer takes the payout from postbacks; Keitaro ignores it otherwise. */
export async function offerTakesPostbackPayout(
	this: KeitaroContext,
	offerId: number,
): Promise<{ payoutAuto: boolean; payoutValue: number; name: string } | undefined> {
	if (!offerId) return undefined;
	const { data } = (await keitaroApiRequest.call(this, {
		method: 'GET',
		path: `/offers/${offerId}`,
	})) as ApiResponse<IDataObject>;
	return {
		payoutAuto: data.payout_auto === true || data.payout_auto === 1 || data.payout_auto === '1',
		payoutValue: Number(data.payout_value ?? 0),
		name: String(data.name ?? ''),
	};
}

/**
 * Reads the conversions log until a row passes `accept` or the time is up. Keitaro applies
 * postbacks from a queue, usually within seconds.
 */
export async function waitForConversion(
	this: KeitaroContext,
	filters: KeitaroFilter[],
	accept: (row: IDataObject) => boolean,
	timeoutMs: number,
): Promise<IDataObject | undefined> {
	const deadline = Date.now() + timeoutMs;
	for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
		const { data } = await findConversions.call(this, filters, 10);
		const row = data.find(accept);
		if (row) return row;
		const left = deadline - Date.now();
		if (left <= 0) return undefined;
		await sleep(Math.min(delay, left));
	}
}

/** Keitaro's received-postback log lines about a click: why a postback was ignored shows here. */
export async function postbackLogFor(this: KeitaroContext, subId: string): Promise<string[]> {
	try {
		const { data } = (await keitaroApiRequest.call(this, {
			method: 'GET',
			path: '/logs/postbacks',
			qs: { limit: 10, query: subId },
		})) as ApiResponse<IDataObject[]>;
		return (Array.isArray(data) ? data : []).map(
			(entry) => `${String(entry.datetime ?? '')} ${String(entry.message ?? '')}`,
		);
	} catch {
		// only an explanation for another error; a failure to read the log must not hide that error
		return [];
	}
}

export function sameMoney(a: unknown, b: unknown): boolean {
	return Math.abs(Number(a) - Number(b)) < 0.005;
}

export type { ConversionStatus };
