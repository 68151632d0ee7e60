import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const INTERVALS: Record<string, string> = {
	allTime: 'all_time',
	last7Days: '7_days_ago',
	oneMonthAgo: '1_month_ago',
	oneYearAgo: '1_year_ago',
	previousMonth: 'previous_month',
	thisMonth: 'first_day_of_this_month',
	thisWeek: 'first_day_of_this_week',
	thisYear: 'first_day_of_this_year',
	today: 'today',
	yesterday: 'yesterday',
};

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
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
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
	if (Number.isNaN(Date.parse(date))) return undefined;
	if (offset) {
		const instant = new Date(value.trim());
		return Number.isNaN(instant.getTime()) ? undefined : wallClock(instant, timeZone);
	}
	return time ? `${date} ${time}:${seconds ?? '00'}` : date;
}

/** The `range` object of Keitaro's log and report requests, from the shared date range fields. */
export function buildRange(this: IExecuteFunctions, i: number): IDataObject {
	const preset = this.getNodeParameter('dateRange', i) as string;
	const timezone = (
		(this.getNodeParameter('timezone', i, '') as string) || this.getTimezone()
	).trim();
	if (!isTimeZone(timezone)) {
		throw new NodeOperationError(
			this.getNode(),
			`Time Zone "${timezone}" is not a known time zone`,
			{
				itemIndex: i,
				description:
					'Use an IANA name such as Europe/Berlin, America/New_York or UTC, or leave it empty.',
			},
		);
	}
	if (preset !== 'custom') {
		const interval = INTERVALS[preset];
		if (!interval) {
			throw new NodeOperationError(
				this.getNode(),
				`Date Range "${preset}" is not one of the listed ranges`,
				{
					itemIndex: i,
				},
			);
		}
		return { interval, timezone };
	}
	const read = (name: 'dateFrom' | 'dateTo', label: string) => {
		const raw = String(this.getNodeParameter(name, i, '') ?? '').trim();
		const value = keitaroDateTime(raw, timezone);
		if (!value) {
			throw new NodeOperationError(this.getNode(), `${label} "${raw}" is not a date`, {
				itemIndex: i,
				description: `Pick a date, or write it as 2026-03-01 or 2026-03-01 14:30:00.`,
			});
		}
		return value;
	};
	const from = read('dateFrom', 'From');
	const to = read('dateTo', 'To');
	// a date alone is the whole day (Keitaro extends a date-only `to` to 23:59:59)
	const fromInstant = from.length === 10 ? `${from} 00:00:00` : from;
	const toInstant = to.length === 10 ? `${to} 23:59:59` : to;
	if (fromInstant > toInstant) {
		throw new NodeOperationError(this.getNode(), `From (${from}) is after To (${to})`, {
			itemIndex: i,
			description: 'Swap the two dates.',
		});
	}
	return { from, to, timezone };
}
