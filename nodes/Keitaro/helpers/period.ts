import { InputError } from './errors';
import { isTimeZone, keitaroDateTime } from './range';

/** A Time Zone field's value, or the workflow's time zone when it is empty. */
export function readTimeZone(value: unknown, workflowTimeZone: string): string {
	const zone = String(value ?? '').trim() || workflowTimeZone;
	if (!isTimeZone(zone)) {
		throw new InputError(
			`Time Zone "${zone}" is not a known time zone`,
			'Use an IANA name such as Europe/Berlin, America/New_York or UTC, or leave it empty.',
		);
	}
	return zone;
}

export interface Period {
	start_date: string;
	end_date: string;
}

/**
 * Start and End as Keitaro's cost and clean-up endpoints take them: "YYYY-MM-DD HH:MM", wall-clock
 * time in the time zone. A date alone covers its whole day.
 */
export function readPeriod(start: unknown, end: unknown, timeZone: string): Period {
	const read = (raw: unknown, label: string, endOfDay: boolean) => {
		const text = String(raw ?? '').trim();
		const value = keitaroDateTime(text, timeZone);
		if (!value) {
			throw new InputError(
				`${label} "${text}" is not a date`,
				'Pick a date, or write it as 2026-03-01 or 2026-03-01 14:30.',
			);
		}
		return value.length === 10 ? `${value} ${endOfDay ? '23:59' : '00:00'}` : value.slice(0, 16);
	};
	const period = { start_date: read(start, 'Start', false), end_date: read(end, 'End', true) };
	if (period.start_date > period.end_date) {
		throw new InputError(
			`Start (${period.start_date}) is after End (${period.end_date})`,
			'Swap the two dates.',
		);
	}
	return period;
}
