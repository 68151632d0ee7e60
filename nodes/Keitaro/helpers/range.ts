import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError, invalidInput } from './errors';

/** Keitaro's relative date ranges by the node's preset names. */
export const INTERVALS = new Map([
	['allTime', 'all_time'],
	['last7Days', '7_days_ago'],
	['oneMonthAgo', '1_month_ago'],
	['oneYearAgo', '1_year_ago'],
	['previousMonth', 'previous_month'],
	['thisMonth', 'first_day_of_this_month'],
	['thisWeek', 'first_day_of_this_week'],
	['thisYear', 'first_day_of_this_year'],
	['today', 'today'],
	['yesterday', 'yesterday'],
]);

const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

/** `YYYY-MM-DD` that names a real day (not 2026-02-31, which Date.parse rolls over to March). */
function isCalendarDate(date: string): boolean {
	const [year, month, day] = date.split('-').map(Number);
	const parsed = new Date(Date.UTC(2000, month - 1, day));
	parsed.setUTCFullYear(year);
	return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function isClockTime(hoursMinutes: string, seconds = '00'): boolean {
	const [hours, minutes] = hoursMinutes.split(':').map(Number);
	return hours <= 23 && minutes <= 59 && Number(seconds) <= 59;
}

/** Wall-clock "YYYY-MM-DD HH:MM:SS" of an instant in a time zone. */
function wallClock(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * A date from the node's date picker or an expression, as Keitaro wants it: wall-clock time in
 * the report's time zone. A value with an offset (`…Z`, `…+02:00`) is converted; a plain date
 * stays a date, so Keitaro's "whole day" rule for `to` applies.
 */
export function keitaroDateTime(value: string, timeZone: string): string | undefined {
	const match = DATE_TIME.exec(value.trim());
	if (!match) return undefined;
	const [, date, time, seconds, offset] = match;
	if (!isCalendarDate(date) || (time && !isClockTime(time, seconds))) return undefined;
	if (offset) {
		const instant = new Date(value.trim());
		// four-digit years only: earlier ones would need an era in the wall-clock text
		return instant.getUTCFullYear() >= 1000 ? wallClock(instant, timeZone) : undefined;
	}
	return time ? `${date} ${time}:${seconds ?? '00'}` : date;
}

/** The date range fields as the user filled them in. */
export interface RangeInput {
	preset: string;
	timezone: string;
	from: string;
	to: string;
}

/**
 * The `range` object of Keitaro's log and report requests, from the shared date range fields.
 * Throws InputError naming the field that is wrong.
 */
export function rangeFrom(input: RangeInput): IDataObject {
	const timezone = input.timezone.trim();
	if (!isTimeZone(timezone)) {
		throw new InputError(
			`Time Zone "${timezone}" is not a known time zone`,
			'Use an IANA name such as Europe/Berlin, America/New_York or UTC, or leave it empty.',
		);
	}
	if (input.preset !== 'custom') {
		const interval = INTERVALS.get(input.preset);
		if (!interval) {
			throw new InputError(
				`Date Range "${input.preset}" is not one of the listed ranges`,
				`Pick one of the listed ranges, or Custom with From and To.`,
			);
		}
		return { interval, timezone };
	}
	const read = (raw: string, label: string) => {
		const value = keitaroDateTime(raw.trim(), timezone);
		if (!value) {
			throw new InputError(
				`${label} "${raw.trim()}" is not a date`,
				`Pick a date, or write it as 2026-03-01 or 2026-03-01 14:30:00.`,
			);
		}
		return value;
	};
	const from = read(input.from, 'From');
	const to = read(input.to, 'To');
	// a date alone is the whole day (Keitaro extends a date-only `to` to 23:59:59)
	const fromInstant = from.length === 10 ? `${from} 00:00:00` : from;
	const toInstant = to.length === 10 ? `${to} 23:59:59` : to;
	if (fromInstant > toInstant) {
		throw new InputError(`From (${from}) is after To (${to})`, 'Swap the two dates.');
	}
	return { from, to, timezone };
}

/** The `range` of item `i`: its date range fields, the workflow's time zone when none is set. */
export function buildRange(this: IExecuteFunctions, i: number): IDataObject {
	const preset = this.getNodeParameter('dateRange', i) as string;
	const text = (name: string) => String(this.getNodeParameter(name, i, '') ?? '');
	try {
		return rangeFrom({
			preset,
			timezone: text('timezone').trim() || this.getTimezone(),
			from: preset === 'custom' ? text('dateFrom') : '',
			to: preset === 'custom' ? text('dateTo') : '',
		});
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
}
