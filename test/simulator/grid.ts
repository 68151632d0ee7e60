/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
/**
 * Keitaro's "grid" query used by POST /clicks/log, /conversions/log and /report/build:
 * range (interval or from/to in a time zone), columns, filters, sort, limit/offset; answer
 * `{rows, total, meta}`. Rules follow Keitaro's QueryParams (docs/keitaro.md §3.1, §5).
 */
import type { ReportDialect } from './state';
import { keitaroDate } from './state';

export class HttpError extends Error {
	constructor(
		public status: number,
		public body: unknown,
		public contentType = 'application/json',
	) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
	}
}

export interface Filter {
	name: string;
	operator: string;
	expression?: unknown;
}

export interface GridDefinition<T> {
	/** column name → value of that column for one source item */
	columns: Record<string, (item: T) => unknown>;
	/** the column the range applies to (Keitaro: click datetime, or postback_datetime for conversions) */
	dateColumn: string;
	/** fast candidate look-up for EQUALS / IN_LIST filters on indexed columns */
	indexes?: Record<string, (value: string) => T[]>;
}

const OPERATORS = new Set([
	'EQUALS',
	'NOT_EQUAL',
	'EQUALS_OR_GREATER_THAN',
	'EQUALS_OR_LESS_THAN',
	'GREATER_THAN',
	'LESS_THAN',
	'MATCH_REGEXP',
	'NOT_MATCH_REGEXP',
	'BEGINS_WITH',
	'ENDS_WITH',
	'CONTAINS',
	'NOT_CONTAIN',
	'IN_LIST',
	'NOT_IN_LIST',
	'BETWEEN',
	'IS_SET',
	'IS_NOT_SET',
	'IS_TRUE',
	'IS_FALSE',
]);

function bad(message: string): never {
	throw new HttpError(400, { error: message });
}

/** Offset in ms of a time zone at a UTC instant (Intl knows every IANA zone). */
function zoneOffsetMs(timeZone: string, at: Date): number {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(at);
	} catch {
		bad(`Unknown timezone "${timeZone}"`);
	}
	const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** "2026-03-01" or "2026-03-01 10:00[:00]" in `timeZone` → UTC Keitaro datetime string. */
export function zonedToUtc(value: string, timeZone: string, endOfDay: boolean): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
	if (!m) bad(`Invalid date "${value}"`);
	const [, y, mo, d, h, mi, s] = m;
	const wall = Date.UTC(
		+y,
		+mo - 1,
		+d,
		h ? +h : endOfDay ? 23 : 0,
		mi ? +mi : endOfDay ? 59 : 0,
		s ? +s : endOfDay ? 59 : 0,
	);
	const offset = zoneOffsetMs(timeZone, new Date(wall));
	return keitaroDate(new Date(wall - offset));
}

/** Wall-clock midnight of `now` in the zone, shifted by whole days. */
function zonedMidnight(now: Date, timeZone: string, daysBack = 0): Date {
	const wallNow = new Date(now.getTime() + zoneOffsetMs(timeZone, now));
	const wallMidnight = Date.UTC(
		wallNow.getUTCFullYear(),
		wallNow.getUTCMonth(),
		wallNow.getUTCDate() - daysBack,
	);
	return new Date(wallMidnight - zoneOffsetMs(timeZone, new Date(wallMidnight)));
}

/** Keitaro interval keywords (docs/keitaro.md §5.2) → [fromUtc, toUtc]. */
function intervalBounds(interval: string, now: Date, timeZone: string): [string, string] {
	const end = keitaroDate(now);
	const wallNow = new Date(now.getTime() + zoneOffsetMs(timeZone, now));
	const startOf = (daysBack: number) => keitaroDate(zonedMidnight(now, timeZone, daysBack));
	switch (interval) {
		case 'all_time':
			return ['0000-01-01 00:00:00', '9999-12-31 23:59:59'];
		case 'today':
			return [startOf(0), end];
		case 'yesterday':
			return [startOf(1), keitaroDate(new Date(zonedMidnight(now, timeZone, 0).getTime() - 1000))];
		case 'first_day_of_this_week':
			return [startOf((wallNow.getUTCDay() + 6) % 7), end];
		case 'first_day_of_this_month':
			return [startOf(wallNow.getUTCDate() - 1), end];
		case 'first_day_of_this_year': {
			const jan1 = Date.UTC(wallNow.getUTCFullYear(), 0, 1);
			return [
				startOf(
					Math.round(
						(Date.UTC(wallNow.getUTCFullYear(), wallNow.getUTCMonth(), wallNow.getUTCDate()) -
							jan1) /
							86400000,
					),
				),
				end,
			];
		}
		case 'previous_month': {
			const first = Date.UTC(wallNow.getUTCFullYear(), wallNow.getUTCMonth() - 1, 1);
			const last = Date.UTC(wallNow.getUTCFullYear(), wallNow.getUTCMonth(), 1) - 1000;
			const toUtc = (wall: number) =>
				keitaroDate(new Date(wall - zoneOffsetMs(timeZone, new Date(wall))));
			return [toUtc(first), toUtc(last)];
		}
	}
	const relative = /^(\d+)_(day|days|week|weeks|month|months|year|years)_ago$/.exec(interval);
	if (relative) {
		const n = Number(relative[1]);
		const unit = relative[2].replace(/s$/, '');
		const days = unit === 'day' ? n : unit === 'week' ? 7 * n : unit === 'month' ? 30 * n : 365 * n;
		return [startOf(days), end];
	}
	bad(`Unknown interval "${interval}"`);
}

function rangeBounds(range: any, now: Date): [string, string] {
	if (typeof range !== 'object' || range === null) bad('"range" must be an object');
	const timeZone = typeof range.timezone === 'string' && range.timezone ? range.timezone : 'UTC';
	if (range.from || range.to) {
		const from = range.from
			? zonedToUtc(String(range.from), timeZone, false)
			: '0000-01-01 00:00:00';
		const to = range.to ? zonedToUtc(String(range.to), timeZone, true) : '9999-12-31 23:59:59';
		return [from, to];
	}
	if (range.interval) return intervalBounds(String(range.interval), now, timeZone);
	bad('"range" must contain "interval", "from" or "to"');
}

function asList(expression: unknown): string[] {
	if (Array.isArray(expression)) return expression.map(String);
	return String(expression ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

export function compare(a: unknown, b: unknown): number {
	const na = Number(a);
	const nb = Number(b);
	if (
		a !== '' &&
		b !== '' &&
		a !== null &&
		b !== null &&
		Number.isFinite(na) &&
		Number.isFinite(nb)
	)
		return na - nb;
	return String(a ?? '').localeCompare(String(b ?? ''));
}

function matches(value: unknown, filter: Filter): boolean {
	const text = value === null || value === undefined ? '' : String(value);
	const expr = filter.expression;
	switch (filter.operator) {
		case 'EQUALS':
			return compare(value, expr) === 0;
		case 'NOT_EQUAL':
			return !matches(value, { ...filter, operator: 'EQUALS' });
		case 'GREATER_THAN':
			return compare(value, expr) > 0;
		case 'LESS_THAN':
			return compare(value, expr) < 0;
		case 'EQUALS_OR_GREATER_THAN':
			return compare(value, expr) >= 0;
		case 'EQUALS_OR_LESS_THAN':
			return compare(value, expr) <= 0;
		case 'CONTAINS':
			return text.toLowerCase().includes(String(expr ?? '').toLowerCase());
		case 'NOT_CONTAIN':
			return !text.toLowerCase().includes(String(expr ?? '').toLowerCase());
		case 'BEGINS_WITH':
			return text.startsWith(String(expr ?? ''));
		case 'ENDS_WITH':
			return text.endsWith(String(expr ?? ''));
		case 'MATCH_REGEXP':
			return new RegExp(String(expr ?? '')).test(text);
		case 'NOT_MATCH_REGEXP':
			return !new RegExp(String(expr ?? '')).test(text);
		case 'IN_LIST':
			return asList(expr).includes(text);
		case 'NOT_IN_LIST':
			return !asList(expr).includes(text);
		case 'BETWEEN': {
			const [lo, hi] = asList(expr);
			return compare(value, lo) >= 0 && compare(value, hi) <= 0;
		}
		case 'IS_SET':
			return text !== '' && text !== '0' && value !== false;
		case 'IS_NOT_SET':
			return !(text !== '' && text !== '0' && value !== false);
		case 'IS_TRUE':
			return value === true || text === '1' || text === 'true';
		case 'IS_FALSE':
			return !(value === true || text === '1' || text === 'true');
	}
	return false;
}

/** Sorts by the request's `sort`; Keitaro silently drops a sort on a column that is not selected. */
function sorted<T>(
	items: T[],
	sort: unknown,
	selected: string[],
	value: (item: T, column: string) => unknown,
): T[] {
	const usable = (
		Array.isArray(sort) ? (sort as Array<{ name: string; order?: string }>) : []
	).filter((s) => s && selected.includes(s.name));
	if (!usable.length) return items;
	return [...items].sort((a, b) => {
		for (const s of usable) {
			const c = compare(value(a, s.name), value(b, s.name));
			if (c !== 0) return String(s.order).toUpperCase() === 'DESC' ? -c : c;
		}
		return 0;
	});
}

/** The request's page: `offset`, then `limit` rows (all when no limit). */
function page<T>(items: T[], query: any): T[] {
	const offset = Number(query.offset ?? 0);
	return query.limit === undefined
		? items.slice(offset)
		: items.slice(offset, offset + Number(query.limit));
}

export interface GridAnswer {
	rows: Record<string, unknown>[];
	total: number;
	meta: Record<string, unknown>;
}

export function runGrid<T>(
	source: T[],
	definition: GridDefinition<T>,
	query: any,
	now: Date,
): GridAnswer {
	const started = Date.now();
	if (typeof query !== 'object' || query === null || Array.isArray(query))
		bad('Request body must be a JSON object');
	if (query.range === undefined && query.limit === undefined)
		bad('You must provide "range" or "limit"');
	for (const key of ['limit', 'offset'] as const) {
		if (
			query[key] !== undefined &&
			(!Number.isInteger(Number(query[key])) || Number(query[key]) < 0)
		) {
			bad(`"${key}" must be a whole number of 0 or more`);
		}
	}
	const known = Object.keys(definition.columns);
	const columns: string[] =
		Array.isArray(query.columns) && query.columns.length ? query.columns.map(String) : known;
	for (const column of columns) {
		if (!definition.columns[column])
			bad(`Unknown column "${column}". Available columns: ${known.join(', ')}`);
	}
	const filters: Filter[] = Array.isArray(query.filters) ? query.filters : [];
	for (const filter of filters) {
		if (!filter || typeof filter.name !== 'string' || typeof filter.operator !== 'string')
			bad('Each filter needs "name" and "operator"');
		if (!definition.columns[filter.name])
			bad(`Unknown filter "${filter.name}". Available columns: ${known.join(', ')}`);
		if (!OPERATORS.has(filter.operator)) bad(`Unknown operator "${filter.operator}"`);
	}
	let candidates = source;
	for (const filter of filters) {
		const index = definition.indexes?.[filter.name];
		if (index && (filter.operator === 'EQUALS' || filter.operator === 'IN_LIST')) {
			const values =
				filter.operator === 'EQUALS'
					? [String(filter.expression ?? '')]
					: asList(filter.expression);
			candidates = [...new Set(values.flatMap((v) => index(v)))];
			break;
		}
	}
	const dateOf = definition.columns[definition.dateColumn];
	const [from, to] = query.range !== undefined ? rangeBounds(query.range, now) : ['', '\uffff'];
	let selected = candidates.filter((item) => {
		const date = String(dateOf(item));
		if (date < from || date > to) return false;
		return filters.every((f) => matches(definition.columns[f.name](item), f));
	});
	selected = sorted(selected, query.sort, columns, (item, name) => definition.columns[name](item));
	const rows = page(selected, query).map((item) => {
		const row: Record<string, unknown> = {};
		for (const column of columns) row[column] = definition.columns[column](item);
		return row;
	});
	return {
		rows,
		total: selected.length,
		meta: {
			execution_time: ((Date.now() - started) / 1000).toFixed(4),
			datetime: now.toISOString(),
		},
	};
}

/** Wall-clock "YYYY-MM-DD HH:MM:SS" in `timeZone` of a UTC Keitaro datetime (report time columns). */
export function inTimeZone(utc: string, timeZone: string): string {
	const at = new Date(utc.replace(' ', 'T') + 'Z');
	return keitaroDate(new Date(at.getTime() + zoneOffsetMs(timeZone, at)));
}

export interface ReportDefinition<T> {
	/** what a report can group by; time columns are read in the report's time zone */
	dimensions(timeZone: string): Record<string, (item: T) => unknown>;
	/** what a report can count and sum over a group of items */
	measures: Record<string, (items: T[]) => unknown>;
	/** the UTC datetime the range applies to */
	dateOf(item: T): string;
	/** the label (whitelist, blacklist) an item's value of `column` carries, for HAS_LABEL */
	labelOf?(item: T, column: string): string;
}

function names(value: unknown, key: string): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) bad(`"${key}" must be an array`);
	return value.map(String);
}

/**
 * POST /report/build: groups the items by the dimensions, computes the measures per group, filters
 * (dimension filters before grouping, measure filters after), sorts, pages; `summary` adds the
 * measures over every matching item. Groups without items do not exist, so zero rows never show.
 */
export function runReport<T>(
	source: T[],
	definition: ReportDefinition<T>,
	query: any,
	now: Date,
	dialect: ReportDialect,
): GridAnswer & { summary?: Record<string, unknown> } {
	const started = Date.now();
	if (typeof query !== 'object' || query === null || Array.isArray(query))
		bad('Request body must be a JSON object');
	const range = query.range ?? { interval: 'all_time' };
	const timeZone = typeof range.timezone === 'string' && range.timezone ? range.timezone : 'UTC';
	const dimensions = definition.dimensions(timeZone);
	const grouping =
		dialect === 'current'
			? names(query.dimensions, 'dimensions')
			: names(query.grouping ?? query.dimensions, 'grouping');
	const metrics =
		dialect === 'current' ? names(query.measures, 'measures') : names(query.metrics, 'metrics');
	for (const name of grouping)
		if (!dimensions[name])
			bad(`Unknown column "${name}". Available columns: ${Object.keys(dimensions).join(', ')}`);
	for (const name of metrics)
		if (!definition.measures[name])
			bad(
				`Unknown metric "${name}". Available metrics: ${Object.keys(definition.measures).join(', ')}`,
			);
	const filters: Filter[] = Array.isArray(query.filters) ? query.filters : [];
	for (const filter of filters) {
		if (!filter || typeof filter.name !== 'string' || typeof filter.operator !== 'string')
			bad('Each filter needs "name" and "operator"');
		if (!dimensions[filter.name] && !definition.measures[filter.name])
			bad(`Unknown filter "${filter.name}"`);
		if (!OPERATORS.has(filter.operator) && !filter.operator.endsWith('HAS_LABEL'))
			bad(`Unknown operator "${filter.operator}"`);
	}
	const [from, to] = rangeBounds(range, now);
	const itemFilters = filters.filter((f) => dimensions[f.name]);
	const rowFilters = filters.filter((f) => !dimensions[f.name]);
	const passes = (item: T, f: Filter) =>
		f.operator.endsWith('HAS_LABEL')
			? (definition.labelOf?.(item, f.name) === f.expression) === (f.operator === 'HAS_LABEL')
			: matches(dimensions[f.name](item), f);
	const items = source.filter((item) => {
		const date = definition.dateOf(item);
		return date >= from && date <= to && itemFilters.every((f) => passes(item, f));
	});
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = JSON.stringify(grouping.map((name) => dimensions[name](item)));
		const group = groups.get(key) ?? [];
		group.push(item);
		groups.set(key, group);
	}
	const measure = (group: T[]) =>
		Object.fromEntries(metrics.map((name) => [name, definition.measures[name](group)]));
	let rows = [...groups.values()]
		.map((group) => ({
			group,
			row: {
				...Object.fromEntries(grouping.map((name) => [name, dimensions[name](group[0])])),
				...measure(group),
			} as Record<string, unknown>,
		}))
		// a measure filter applies to the group's value, selected or not
		.filter(({ group }) => rowFilters.every((f) => matches(definition.measures[f.name](group), f)));
	rows = sorted(rows, query.sort, [...grouping, ...metrics], (entry, name) => entry.row[name]);
	return {
		rows: page(rows, query).map(({ row }) => row),
		total: rows.length,
		...(query.summary ? { summary: measure(rows.flatMap(({ group }) => group)) } : {}),
		meta: {
			execution_time: ((Date.now() - started) / 1000).toFixed(4),
			datetime: now.toISOString(),
		},
	};
}
