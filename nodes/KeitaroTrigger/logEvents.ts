import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_CONVERSION_COLUMNS } from '../Keitaro/descriptions/conversionColumns';
import { CONVERSION_STATUSES } from '../Keitaro/helpers/conversionData';
import { subIdValues } from '../Keitaro/helpers/conversionInput';
import type { KeitaroFilter } from '../Keitaro/helpers/conversions';
import { conversionRow, equals, normaliseRow } from '../Keitaro/helpers/conversions';
import { keitaroApiRequestAllItems } from '../Keitaro/transport';
import type { TriggerEvent } from './description';
import { DEFAULT_CLICK_COLUMNS } from './description';

/**
 * Most fingerprints the node keeps in its static data. When more events fall inside the window,
 * the window is shortened to the newest of them (see `forget`).
 */
export const MAX_REMEMBERED = 5000;

/** Events a manual run returns. */
const SAMPLE_SIZE = 10;

/** Keitaro wants an end of the range; the window has none (clocks differ, postbacks are backdated). */
const OPEN_END = '2099-12-31';

/** A kind of row of Keitaro's clicks or conversions log the trigger emits once. */
export interface LogEvent {
	path: '/conversions/log' | '/clicks/log';
	/** the column Keitaro's range applies to: when the click or conversion happened */
	dateColumn: string;
	/** the row as emitted: numbers as numbers, and for conversions `click_id` as the action node names it */
	normalise(row: IDataObject): IDataObject;
	/** Keitaro's id of the row; rows are read in its order */
	idColumn: string;
	columns: string[];
	filters: KeitaroFilter[];
	/** what tells one event from another: a row seen again with the same fingerprint is not emitted */
	fingerprint(row: IDataObject): string;
	/** statuses a new conversion must have when it appears (the status changes later; Keitaro does not filter them) */
	statuses?: string[];
	/** how far back each poll reads again, in seconds */
	windowSeconds: number;
	/** how far back the first activation emits, in seconds (0: it emits nothing) */
	backfillSeconds: number;
}

/**
 * What the trigger remembers between polls (workflow static data of the node): the start of the
 * next window and the fingerprints of the events in it, grouped by the events' time, so the ones
 * that leave the window can be forgotten.
 */
interface WindowState {
	key?: string;
	since?: string;
	seen?: Record<string, string[]>;
}

/** "YYYY-MM-DD HH:MM:SS" in UTC, as the requests ask (time zone UTC) and Keitaro answers. */
const keitaroTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const instantOf = (time: string) => Date.parse(`${time.replace(' ', 'T')}Z`);

/** Keitaro's clock (the answer's meta.datetime), which dates the rows; ours if it does not say. */
function trackerNow(meta: IDataObject | undefined): number {
	const at = Date.parse(String(meta?.datetime ?? ''));
	return Number.isFinite(at) ? at : Date.now();
}

/** Keitaro's clock before the first window is read: the meta of a one-row read. */
async function trackerClock(this: IPollFunctions, event: LogEvent): Promise<number> {
	const { meta } = await keitaroApiRequestAllItems.call(
		this,
		{ method: 'POST', path: event.path, idempotent: true, body: { columns: [event.idColumn] } },
		1,
	);
	return trackerNow(meta);
}

function filtersFrom(filters: IDataObject): KeitaroFilter[] {
	const out: KeitaroFilter[] = [];
	for (const [field, column] of [
		['campaignId', 'campaign_id'],
		['offerId', 'offer_id'],
		['trafficSourceId', 'ts_id'],
	]) {
		if (Number(filters[field]) > 0) out.push(equals(column, Number(filters[field])));
	}
	const country = String(filters.countryCode ?? '').trim();
	if (country) out.push(equals('country_code', country.toUpperCase()));
	for (const [column, value] of Object.entries(subIdValues(filters.subIds))) {
		const text = String(value).trim();
		if (text) out.push(equals(column, text));
	}
	return out;
}

/** The Keitaro filters of the Filters collection, for every event. */
export function triggerFilters(this: IPollFunctions): KeitaroFilter[] {
	return filtersFrom(this.getNodeParameter('filters', {}) as IDataObject);
}

function columnsOf(this: IPollFunctions, defaults: string[], required: string[]): string[] {
	const chosen = this.getNodeParameter('simplify', true)
		? defaults
		: (this.getNodeParameter('columns', defaults) as string[]);
	return [...new Set([...required, ...chosen])];
}

/** The event the node's parameters describe. */
export function logEventFrom(this: IPollFunctions, event: TriggerEvent): LogEvent {
	const option = (name: string, fallback: number) =>
		Number(this.getNodeParameter(`options.${name}`, fallback));
	const filters = triggerFilters.call(this);
	const backfillSeconds = option('backfillMinutes', 0) * 60;
	if (event === 'newClick') {
		return {
			backfillSeconds,
			path: '/clicks/log',
			dateColumn: 'datetime',
			normalise: normaliseRow,
			idColumn: 'click_id',
			columns: columnsOf.call(this, DEFAULT_CLICK_COLUMNS, ['click_id', 'datetime']),
			filters,
			fingerprint: (row) => String(row.click_id),
			windowSeconds: option('lateArrivalMinutes', 60) * 60,
		};
	}
	const conversion = {
		backfillSeconds,
		path: '/conversions/log' as const,
		dateColumn: 'postback_datetime',
		normalise: conversionRow,
		idColumn: 'conversion_id',
		columns: columnsOf.call(this, DEFAULT_CONVERSION_COLUMNS, [
			'conversion_id',
			'postback_datetime',
			'status',
			'previous_status',
		]),
	};
	if (event === 'newConversion') {
		const statuses = this.getNodeParameter('filters.status', []) as string[];
		return {
			...conversion,
			filters,
			fingerprint: (row) => String(row.conversion_id),
			statuses: statuses.length ? statuses : undefined,
			windowSeconds: option('lateArrivalMinutes', 60) * 60,
		};
	}
	const from = this.getNodeParameter('fromStatus', []) as string[];
	const to = this.getNodeParameter('toStatus', []) as string[];
	return {
		...conversion,
		// a conversion that never changed has no previous status
		filters: [
			...filters,
			{
				name: 'previous_status',
				operator: 'IN_LIST',
				expression: from.length ? from : [...CONVERSION_STATUSES],
			},
			...(to.length ? [{ name: 'status', operator: 'IN_LIST', expression: to }] : []),
		],
		// Keitaro changes a conversion in place: each status it reaches is a change of its own
		fingerprint: (row) => `${String(row.conversion_id)}:${String(row.status)}`,
		windowSeconds: option('watchDays', 30) * 86400,
	};
}

function matchesStatus(event: LogEvent, row: IDataObject): boolean {
	return !event.statuses || event.statuses.includes(String(row.status));
}

/**
 * Drops the fingerprints of events before `since` (the next window never reads them again), then
 * keeps at most MAX_REMEMBERED of the newest. Events too old to be remembered must not be read
 * again either, so the window then starts after them.
 */
function forget(
	seen: Record<string, string[]>,
	since: string,
): { seen: Record<string, string[]>; since: string } {
	const kept: Record<string, string[]> = {};
	let count = 0;
	for (const at of Object.keys(seen)
		.filter((time) => time >= since)
		.sort()
		.reverse()) {
		count += seen[at].length;
		if (count > MAX_REMEMBERED) return { seen: kept, since: keitaroTime(instantOf(at) + 1000) };
		kept[at] = seen[at];
	}
	return { seen: kept, since };
}

/**
 * One poll: reads every row of the window (from the previous poll's time minus the window to
 * now) and returns those whose fingerprint it has not seen. Rows are read in id order, so rows
 * that arrive while the pages are read land on the last page, and a fingerprint seen twice (the
 * same row on two pages, equal times) is emitted once. The first activation only remembers what
 * is there, apart from the backfill window. A manual run returns a sample.
 */
export async function pollLogEvent(this: IPollFunctions, event: LogEvent): Promise<IDataObject[]> {
	if (this.getMode() === 'manual') return await sampleLogEvent.call(this, event);
	const { backfillSeconds } = event;
	const state = this.getWorkflowStaticData('node') as WindowState;
	// other filters: the fingerprints stand for other rows, start again
	const key = JSON.stringify([event.path, event.filters]);
	const firstActivation = state.key !== key || !state.since || !state.seen;
	let since = state.since!;
	// rows from this time on are emitted ('' every row, undefined none)
	let emitFrom: string | undefined = '';
	if (firstActivation) {
		const now = await trackerClock.call(this, event);
		since = keitaroTime(now - Math.max(event.windowSeconds, backfillSeconds) * 1000);
		emitFrom = backfillSeconds > 0 ? keitaroTime(now - backfillSeconds * 1000) : undefined;
	}

	const { data, meta } = await keitaroApiRequestAllItems.call(this, {
		method: 'POST',
		path: event.path,
		idempotent: true,
		body: {
			range: { from: since, to: OPEN_END, timezone: 'UTC' },
			columns: event.columns,
			filters: event.filters,
			sort: [{ name: event.idColumn, order: 'ASC' }],
		},
	});

	const seen: Record<string, string[]> = {};
	if (!firstActivation) for (const [at, list] of Object.entries(state.seen!)) seen[at] = [...list];
	const known = new Set(Object.values(seen).flat());
	const fresh: IDataObject[] = [];
	for (const row of data.map(event.normalise)) {
		const fingerprint = event.fingerprint(row);
		if (known.has(fingerprint)) continue;
		known.add(fingerprint);
		const at = String(row[event.dateColumn] ?? '');
		(seen[at] ??= []).push(fingerprint);
		if (emitFrom !== undefined && at >= emitFrom && matchesStatus(event, row)) fresh.push(row);
	}

	const windowStart = keitaroTime(trackerNow(meta) - event.windowSeconds * 1000);
	const next = forget(seen, windowStart > since ? windowStart : since);
	Object.assign(state, { key, since: next.since, seen: next.seen });
	return fresh;
}

/** The newest matching events, for a manual run; nothing is remembered. */
async function sampleLogEvent(this: IPollFunctions, event: LogEvent): Promise<IDataObject[]> {
	const filters = event.statuses
		? [...event.filters, { name: 'status', operator: 'IN_LIST', expression: event.statuses }]
		: event.filters;
	const { data } = await keitaroApiRequestAllItems.call(
		this,
		{
			method: 'POST',
			path: event.path,
			idempotent: true,
			body: {
				range: { interval: 'all_time', timezone: 'UTC' },
				columns: event.columns,
				filters,
				sort: [{ name: event.idColumn, order: 'DESC' }],
			},
		},
		SAMPLE_SIZE,
	);
	return data.map(event.normalise);
}
