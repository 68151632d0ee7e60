import { createHash } from 'crypto';

import type { ConversionStatus } from '../conversionData';
import { CONVERSION_STATUSES, isSubIdKey, SUB_ID_COUNT } from '../conversionData';
import { InputError } from '../errors';

/**
 * A Conversion Request: a proposed creation or change of a Keitaro conversion that a person raises,
 * another accepts or rejects, and the node processes (seed 000). Keitaro has no such step, so the
 * request lives in n8n: a flat record carried by items, stored by any storage node (the examples use
 * a Data Table), every field a string, number or null so it fits a table row.
 */
export interface ConversionRequest {
	request_id: string;
	idempotency_key: string;
	type: RequestType;
	request_status: RequestStatus;
	/** +1 on every move; storage can use it for compare-and-set updates */
	version: number;
	click_id: string;
	tid: string;
	conversion_id: number | null;
	target_status: ConversionStatus;
	revenue: number | null;
	currency: string;
	/** sub_id_N values as JSON object text ('' when none) */
	sub_ids: string;
	/** the conversion as Keitaro had it when the request was raised (change requests) */
	snapshot_status: string;
	snapshot_revenue: number | null;
	snapshot_at: string;
	/** why the requester asks */
	reason: string;
	requested_by: string;
	requested_at: string;
	decided_by: string;
	decided_at: string;
	/** why it was rejected or failed: a code and a sentence */
	reason_code: string;
	reason_message: string;
	processed_at: string;
	attempts: number;
	/** the conversion as Keitaro has it after processing */
	result_status: string;
	result_revenue: number | null;
	keitaro_answer: string;
	/** the postback sent, key masked */
	keitaro_request: string;
	last_transition: string;
}

export const REQUEST_STATUSES = [
	'inquired',
	'accepted',
	'processed',
	'rejected',
	'failed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestType = 'create' | 'change';

export type ReasonCode =
	| 'INVALID_ROW'
	| 'NO_CLICK'
	| 'ALREADY_EXISTS'
	| 'NOT_FOUND'
	| 'NO_CHANGE'
	| 'UNSUPPORTED_TRANSITION'
	| 'PAYOUT_NOT_ACCEPTED'
	| 'STALE'
	| 'ALREADY_FINAL'
	| 'DUPLICATE_REQUEST'
	| 'WITHDRAWN'
	| 'NOT_CONFIRMED'
	| 'KEITARO_ERROR'
	| string;

/** What may move a request, and from where. Processed and rejected are final. */
export const MOVES = {
	accept: { from: ['inquired'], label: 'accepted' },
	reject: { from: ['inquired', 'failed'], label: 'rejected' },
	withdraw: { from: ['inquired'], label: 'withdrawn' },
	process: { from: ['accepted'], label: 'processed' },
	retry: { from: ['failed'], label: 'retried' },
} satisfies Record<string, { from: RequestStatus[]; label: string }>;

export type Move = keyof typeof MOVES;

/** The move is not allowed from the request's status. */
export function moveProblem(request: ConversionRequest, move: Move): string | undefined {
	if ((MOVES[move].from as readonly string[]).includes(request.request_status)) return undefined;
	const final = request.request_status === 'processed' || request.request_status === 'rejected';
	return (
		`Request ${request.request_id} is ${request.request_status}; it cannot be ${MOVES[move].label}` +
		(final
			? ` (${request.request_status} is final: raise a new request for a further change)`
			: ` (only a request that is ${MOVES[move].from.join(' or ')} can be)`)
	);
}

/** The request after a move: new status, version + 1, the transition noted. */
export function moved(
	request: ConversionRequest,
	to: RequestStatus,
	changes: Partial<ConversionRequest> = {},
): ConversionRequest {
	return {
		...request,
		...changes,
		request_status: to,
		version: request.version + 1,
		last_transition: `${request.request_status} → ${to}`,
	};
}

export function rejectedOrFailed(
	request: ConversionRequest,
	to: 'rejected' | 'failed',
	code: ReasonCode,
	message: string,
	changes: Partial<ConversionRequest> = {},
): ConversionRequest {
	return moved(request, to, { ...changes, reason_code: code, reason_message: message });
}

/** sub_ids as stored: canonical JSON (keys in order) so equal requests hash equally. */
export function subIdsText(subIds: Record<string, string>): string {
	const keys = Object.keys(subIds).sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)));
	return keys.length ? JSON.stringify(Object.fromEntries(keys.map((k) => [k, subIds[k]]))) : '';
}

/** Whether stored sub_ids text is what `subIdsText` writes: empty, or an object of sub_id_N → text. */
function isSubIdsText(text: string): boolean {
	if (!text) return true;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return false;
	}
	return (
		typeof parsed === 'object' &&
		parsed !== null &&
		!Array.isArray(parsed) &&
		Object.entries(parsed).every(([key, value]) => isSubIdKey(key) && typeof value === 'string')
	);
}

export function parseSubIds(text: string): Record<string, string> {
	return text ? (JSON.parse(text) as Record<string, string>) : {};
}

/**
 * The same request always gets the same id: from the caller's key, or from what it asks for. So a
 * repeated raise (a replayed webhook, a file imported twice) lands on the same stored row.
 */
export function requestIdentity(
	content: Pick<
		ConversionRequest,
		'type' | 'click_id' | 'tid' | 'target_status' | 'revenue' | 'currency' | 'sub_ids'
	>,
	callerKey?: string,
): { request_id: string; idempotency_key: string } {
	const idempotency_key = callerKey
		? `key:${callerKey}`
		: `content:${JSON.stringify([content.type, content.click_id, content.tid, content.target_status, content.revenue, content.currency, content.sub_ids])}`;
	const hash = createHash('sha256').update(idempotency_key).digest('hex');
	return { request_id: `cr_${hash.slice(0, 24)}`, idempotency_key };
}

/** Every field of a request record, in the order a table shows them. */
export const REQUEST_FIELDS: Array<keyof ConversionRequest> = [
	'request_id',
	'idempotency_key',
	'type',
	'request_status',
	'version',
	'click_id',
	'tid',
	'conversion_id',
	'target_status',
	'revenue',
	'currency',
	'sub_ids',
	'snapshot_status',
	'snapshot_revenue',
	'snapshot_at',
	'reason',
	'requested_by',
	'requested_at',
	'decided_by',
	'decided_at',
	'reason_code',
	'reason_message',
	'processed_at',
	'attempts',
	'result_status',
	'result_revenue',
	'keitaro_answer',
	'keitaro_request',
	'last_transition',
];
/** The fields of a request record that are numbers; the rest are text. */
export const REQUEST_NUMBER_FIELDS = new Set<keyof ConversionRequest>([
	'version',
	'conversion_id',
	'revenue',
	'snapshot_revenue',
	'attempts',
	'result_revenue',
]);

/**
 * A stored request read back (from a Data Table, a sheet, a database): numbers may come as text,
 * empty values as null or ''. Anything that is not a request is refused with what is missing.
 */
export function parseRequest(raw: unknown): ConversionRequest {
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			raw = undefined;
		}
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw new InputError(
			'Request is not a conversion request record',
			'Pass the request as it was stored, e.g. "{{ $json }}" of the row read from the Data Table.',
		);
	}
	const source = raw as Record<string, unknown>;
	const missing = ['request_id', 'type', 'request_status', 'click_id', 'target_status'].filter(
		(key) => !source[key],
	);
	if (missing.length) {
		throw new InputError(
			`Request has no ${missing.join(', ')}`,
			'Pass the whole stored record of a request raised by Conversion Request → Raise or Import.',
		);
	}
	const record = {} as Record<string, unknown>;
	for (const field of REQUEST_FIELDS) {
		const value = source[field];
		if (REQUEST_NUMBER_FIELDS.has(field)) {
			const n = value === null || value === undefined || value === '' ? null : Number(value);
			if (n !== null && !Number.isFinite(n))
				throw new InputError(
					`Request field ${field} is not a number: ${JSON.stringify(value)}`,
					'Store the request’s numbers as numbers or numeric text.',
				);
			record[field] = field === 'version' || field === 'attempts' ? (n ?? 0) : n;
		} else if (typeof value === 'object' && value !== null) {
			throw new InputError(
				`Request field ${field} is not text: ${JSON.stringify(value)}`,
				'Store the request’s fields as they came out of Raise or Import.',
			);
		} else {
			record[field] = value === undefined || value === null ? '' : String(value);
		}
	}
	const request = record as unknown as ConversionRequest;
	if (!(REQUEST_STATUSES as readonly string[]).includes(request.request_status)) {
		throw new InputError(
			`Request ${request.request_id} has an unknown status "${request.request_status}"`,
			`A request is ${REQUEST_STATUSES.join(', ')}.`,
		);
	}
	if (request.type !== 'create' && request.type !== 'change') {
		throw new InputError(
			`Request ${request.request_id} has an unknown type "${request.type}"`,
			'A request is of type create or change.',
		);
	}
	if (!(CONVERSION_STATUSES as readonly string[]).includes(request.target_status)) {
		throw new InputError(
			`Request ${request.request_id} has an unknown target status "${request.target_status}"`,
			`Use one of ${CONVERSION_STATUSES.join(', ')}.`,
		);
	}
	if (!isSubIdsText(request.sub_ids)) {
		throw new InputError(
			`Request ${request.request_id} has sub_ids that are not what Raise and Import store`,
			`sub_ids is empty or a JSON object such as {"sub_id_1":"value"} (sub_id_1 … sub_id_${SUB_ID_COUNT}).`,
		);
	}
	return request;
}
