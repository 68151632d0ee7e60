import { InputError } from './errors';

export const CONVERSION_STATUSES = ['lead', 'sale', 'rejected', 'rebill'] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

/** Keitaro takes sub_id_1 … sub_id_30 (older builds 15) in a postback. */
export const SUB_ID_COUNT = 30;

/** `sub_id_1` … `sub_id_30` exactly: Keitaro ignores `sub_id_01` or `sub_id_31` without a word. */
export function isSubIdKey(key: string): boolean {
	const match = /^sub_id_([1-9]\d*)$/.exec(key);
	return match !== null && Number(match[1]) <= SUB_ID_COUNT;
}

/** A conversion change as the user described it, checked and normalised. */
export interface ConversionData {
	/** The click's Keitaro subid (`{subid}` macro), called click_id in this node. */
	click_id: string;
	status?: ConversionStatus;
	revenue?: number;
	currency?: string;
	tid?: string;
	sub_ids: Record<string, string>;
}

const EXAMPLE =
	'Example: {"click_id": "3kd9s8d7f6", "status": "sale", "revenue": 25, "currency": "USD"}';

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/**
 * A Keitaro conversion ID as the user gave it: a whole number (within the range JavaScript counts
 * exactly, so it is never rounded to another conversion's ID). `otherWay` says how else to find one.
 */
export function parseConversionId(raw: unknown, otherWay: string): string {
	const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!id) {
		throw new InputError(
			'Conversion ID is empty',
			`Enter the Keitaro conversion ID (a whole number, column conversion_id). ${otherWay}`,
		);
	}
	if (!/^\d+$/.test(id) || !Number.isSafeInteger(Number(id))) {
		throw new InputError(
			`Conversion ID "${id}" is not a number`,
			`Keitaro conversion IDs are whole numbers (column conversion_id). ${otherWay}`,
		);
	}
	return id;
}

export function parseStatus(value: unknown, field: string): ConversionStatus {
	const status = text(value)?.toLowerCase();
	if (!status || !(CONVERSION_STATUSES as readonly string[]).includes(status)) {
		throw new InputError(
			`${field}: unknown status ${JSON.stringify(value)}`,
			`Use one of ${CONVERSION_STATUSES.join(', ')}.`,
		);
	}
	return status as ConversionStatus;
}

export function parseRevenue(value: unknown, field: string): number {
	const raw = typeof value === 'string' ? value.trim().replace(',', '.') : value;
	const amount = typeof raw === 'number' ? raw : raw === '' ? NaN : Number(raw);
	if (typeof raw === 'boolean' || raw === null || !Number.isFinite(amount)) {
		throw new InputError(
			`${field}: revenue ${JSON.stringify(value)} is not a number`,
			'Write it as a number, e.g. 25 or 12.5.',
		);
	}
	if (amount < 0) {
		throw new InputError(
			`${field}: revenue ${amount} is negative`,
			'Keitaro has no negative revenue. To take a conversion’s revenue back, set its status to rejected (revenue 0).',
		);
	}
	const rounded = Math.round(amount * 1e6) / 1e6;
	if (!Number.isFinite(rounded)) {
		throw new InputError(`${field}: revenue ${amount} is too large`, 'Write the amount as money.');
	}
	return rounded;
}

export function parseCurrency(value: unknown, field: string): string {
	const currency = text(value)?.toUpperCase();
	if (!currency || !/^[A-Z]{3}$/.test(currency)) {
		throw new InputError(
			`${field}: currency ${JSON.stringify(value)} is not a currency code`,
			'Use a three-letter code such as USD or EUR.',
		);
	}
	return currency;
}

/**
 * Checks the "Conversion Data" of Update and Create: a JSON object (or the same built from the
 * Fields mode) that must name the click. Unknown keys are refused so a typo is not lost.
 */
export function parseConversionData(
	raw: unknown,
	field: string,
	{ allowTid }: { allowTid: boolean },
): ConversionData {
	let value = raw;
	if (typeof value === 'string') {
		if (!value.trim()) throw new InputError(`${field} is empty`, EXAMPLE);
		let parseError = '';
		try {
			value = JSON.parse(value);
		} catch (error) {
			parseError = (error as Error).message;
		}
		if (parseError) throw new InputError(`${field} is not valid JSON: ${parseError}`, EXAMPLE);
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new InputError(`${field} must be a JSON object`, EXAMPLE);
	}
	const data = value as Record<string, unknown>;
	const allowed = [
		'click_id',
		'status',
		'revenue',
		'payout',
		'currency',
		...(allowTid ? ['tid'] : []),
	];
	for (const key of Object.keys(data)) {
		if (allowed.includes(key) || /^sub_id_\d+$/.test(key)) continue;
		const hint = ['subid', 'sub_id', 'clickid'].includes(key) ? ' Name the click "click_id".' : '';
		throw new InputError(
			`${field} has an unknown key "${key}"`,
			`Allowed keys: ${allowed.join(', ')}, sub_id_1 … sub_id_${SUB_ID_COUNT}.${hint}`,
		);
	}
	const clickId = text(data.click_id);
	if (!clickId) {
		throw new InputError(
			`${field} has no click_id`,
			`Add the click’s Keitaro subid (the {subid} macro) as "click_id". ${EXAMPLE}`,
		);
	}
	const result: ConversionData = { click_id: clickId, sub_ids: {} };
	if (data.status !== undefined && data.status !== '')
		result.status = parseStatus(data.status, field);
	if (data.revenue !== undefined && data.payout !== undefined && data.revenue !== data.payout) {
		throw new InputError(`${field} has both revenue and payout`, 'They mean the same; keep one.');
	}
	const revenue = data.revenue ?? data.payout;
	if (revenue !== undefined && revenue !== '') result.revenue = parseRevenue(revenue, field);
	if (data.currency !== undefined && data.currency !== '')
		result.currency = parseCurrency(data.currency, field);
	if (data.tid !== undefined && data.tid !== '') {
		const tid = text(data.tid);
		if (!tid)
			throw new InputError(
				`${field}: tid must be text`,
				'Use the transaction ID as text, e.g. "order-1001".',
			);
		result.tid = tid;
	}
	for (const [key, subValue] of Object.entries(data)) {
		if (!/^sub_id_\d+$/.test(key)) continue;
		if (!isSubIdKey(key)) {
			throw new InputError(
				`${field} has "${key}"`,
				`Keitaro has sub_id_1 … sub_id_${SUB_ID_COUNT}.`,
			);
		}
		const subText = text(subValue);
		if (subText === undefined) {
			throw new InputError(
				`${field}: ${key} must be text or a number`,
				`Got ${JSON.stringify(subValue)}.`,
			);
		}
		result.sub_ids[key] = subText;
	}
	return result;
}
